// image-classification -> imageClassification: raw image bytes (Content-Type = the image's mime);
// labels with scores, best first.
import type { TaskInvoker } from '../invoker';
import { route } from '../invoker';
import { fileBlob, labelsOutput } from '../wire';

/** Labels an image. */
export const imageClassification: TaskInvoker = {
  type: 'image-classification',
  async invoke(client, args) {
    const labels = await client.imageClassification({ ...route(args), inputs: fileBlob(args.inputs, 'image') }, args.options);
    return [labelsOutput(labels)];
  },
};
