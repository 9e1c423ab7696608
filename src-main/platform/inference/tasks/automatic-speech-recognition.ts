// automatic-speech-recognition -> automaticSpeechRecognition: raw audio bytes (Content-Type = the
// audio's mime); reads {text}.
import type { TaskInvoker } from '../invoker';
import { route } from '../invoker';
import { fileBlob, textOutput } from '../wire';

/** Transcribes speech. */
export const automaticSpeechRecognition: TaskInvoker = {
  type: 'automatic-speech-recognition',
  async invoke(client, args) {
    const result = await client.automaticSpeechRecognition({ ...route(args), inputs: fileBlob(args.inputs, 'audio') }, args.options);
    return [textOutput(result.text, result)];
  },
};
