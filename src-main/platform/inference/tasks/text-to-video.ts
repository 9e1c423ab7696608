// text-to-video: on the provider route -> textToVideo (fal-ai, replicate, ...). hf-inference has no
// text-to-video helper in the library, so for a model URL this POSTs JSON {inputs: text} and reads
// the video bytes back.
import type { TaskInvoker } from '../invoker';
import { route } from '../invoker';
import { blobBytes, rawPost, seedParameter, textInput } from '../wire';
import { InferenceError } from '../../../engine/inference';

/** Generates a video from text. */
export const textToVideo: TaskInvoker = {
  type: 'text-to-video',
  async invoke(client, args) {
    const prompt = textInput(args.inputs);
    if (!args.endpointUrl) {
      const { bytes, mime } = await blobBytes(await client.textToVideo({ ...route(args), inputs: prompt, parameters: seedParameter(args.inputs) }, args.options), 'a video');
      return [{ port: 'video', modality: 'video', bytes, mime }];
    }
    const answer = await rawPost(args, { json: { inputs: prompt, parameters: seedParameter(args.inputs) } });
    if (!('bytes' in answer)) throw new InferenceError('bad-output', 'Expected video bytes from the model, got JSON.');
    return [{ port: 'video', modality: 'video', bytes: answer.bytes, mime: answer.mime }];
  },
};
