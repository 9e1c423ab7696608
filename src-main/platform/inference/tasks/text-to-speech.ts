// text-to-speech -> textToSpeech: JSON {inputs: text}; the answer is audio bytes (e.g. WAV, FLAC).
import type { TaskInvoker } from '../invoker';
import { route } from '../invoker';
import { blobBytes, textInput } from '../wire';

/** Speaks text aloud. */
export const textToSpeech: TaskInvoker = {
  type: 'text-to-speech',
  async invoke(client, args) {
    const { bytes, mime } = await blobBytes(await client.textToSpeech({ ...route(args), inputs: textInput(args.inputs) }, args.options), 'audio');
    return [{ port: 'audio', modality: 'audio', bytes, mime }];
  },
};
