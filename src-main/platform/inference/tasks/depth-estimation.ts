// depth-estimation: the library has no function for it, so this POSTs the raw image bytes (Content-Type
// = the image's mime) to the model URL as the hf-inference wire format does, and reads either image
// bytes or JSON {depth: <base64 PNG>, predicted_depth: [...]}.
import type { TaskInvoker } from '../invoker';
import { fileInput, imageFromAnswer, rawPost } from '../wire';

/** Estimates a depth map of an image. */
export const depthEstimation: TaskInvoker = {
  type: 'depth-estimation',
  async invoke(_client, args) {
    const answer = await rawPost(args, fileInput(args.inputs, 'image'));
    return [imageFromAnswer(answer, 'image', ['depth', 'image'])];
  },
};
