// object-detection -> objectDetection: raw image bytes; [{label, score, box}] read as
// `label (score) at [xmin,ymin,xmax,ymax]` lines (data = the predictions), plus the input image with
// the boxes drawn (PNG) when the input is a PNG or JPEG.
import type { TaskInvoker } from '../invoker';
import { route } from '../invoker';
import { detectionOutputs } from '../vision-outputs';
import { fileBlob, fileInput } from '../wire';

/** Finds objects in an image. */
export const objectDetection: TaskInvoker = {
  type: 'object-detection',
  async invoke(client, args) {
    const predictions = await client.objectDetection({ ...route(args), inputs: fileBlob(args.inputs, 'image') }, args.options);
    return detectionOutputs(predictions, fileInput(args.inputs, 'image').bytes);
  },
};
