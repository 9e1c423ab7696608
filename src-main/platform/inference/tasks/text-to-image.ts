// text-to-image -> textToImage: JSON {inputs: text, parameters: {seed}}; the answer is image bytes.
import type { TaskInvoker } from '../invoker';
import { route } from '../invoker';
import { blobBytes, seedParameter, textInput } from '../wire';

/** Generates an image from text. */
export const textToImage: TaskInvoker = {
  type: 'text-to-image',
  async invoke(client, args) {
    const blob = await client.textToImage({ ...route(args), inputs: textInput(args.inputs), parameters: seedParameter(args.inputs) }, { ...args.options, outputType: 'blob' });
    const { bytes, mime } = await blobBytes(blob, 'an image');
    return [{ port: 'image', modality: 'image', bytes, mime }];
  },
};
