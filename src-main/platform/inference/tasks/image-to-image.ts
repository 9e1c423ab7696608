// image-to-image -> imageToImage: raw image bytes, or with a text prompt JSON
// {inputs: <base64 image>, parameters: {prompt}}; the answer is image bytes.
import type { TaskInvoker } from '../invoker';
import { route } from '../invoker';
import { blobBytes, fileBlob, optionalText } from '../wire';

/** Transforms an image, optionally guided by text. */
export const imageToImage: TaskInvoker = {
  type: 'image-to-image',
  async invoke(client, args) {
    const prompt = optionalText(args.inputs, 'text');
    const blob = await client.imageToImage(
      { ...route(args), inputs: fileBlob(args.inputs, 'image'), ...(prompt ? { parameters: { prompt } } : {}) },
      args.options,
    );
    const { bytes, mime } = await blobBytes(blob, 'an image');
    return [{ port: 'image', modality: 'image', bytes, mime }];
  },
};
