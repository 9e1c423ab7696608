// object-detection -> objectDetection: raw image bytes; [{label, score, box}] read as
// `label (score) at [xmin,ymin,xmax,ymax]` lines (data = the predictions), plus the input image with
// the boxes drawn (PNG) when the input is a PNG or JPEG.
import type { RawOutput } from '../../../engine/inference';
import { drawBoxesOffThread } from '../../images/image-jobs';
import type { TaskInvoker } from '../invoker';
import { route } from '../invoker';
import { fileBlob, fileInput, textOutput } from '../wire';

/** Finds objects in an image. */
export const objectDetection: TaskInvoker = {
  type: 'object-detection',
  async invoke(client, args) {
    const predictions = await client.objectDetection({ ...route(args), inputs: fileBlob(args.inputs, 'image') }, args.options);
    const lines = predictions.map(({ label, score, box }) => `${label} (${score.toFixed(3)}) at [${box.xmin},${box.ymin},${box.xmax},${box.ymax}]`);
    const outputs: RawOutput[] = [textOutput(lines.join('\n') || '(no objects found)', predictions)];
    const drawn = await drawBoxesOffThread(fileInput(args.inputs, 'image').bytes, predictions, args.signal);
    if (drawn) outputs.unshift({ port: 'image', modality: 'image', bytes: drawn, mime: 'image/png' });
    return outputs;
  },
};
