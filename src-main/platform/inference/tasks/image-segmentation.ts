// image-segmentation -> imageSegmentation: JSON {inputs: <base64 image>} (the library's hf-inference
// format); [{label, score, mask: base64 PNG}] read as one picture with every mask in its label's
// colour (or the first mask when they cannot be combined) and a labels text.
import type { TaskInvoker } from '../invoker';
import { route } from '../invoker';
import { segmentationOutputs } from '../vision-outputs';
import { fileBlob, fromBase64 } from '../wire';

/** Segments an image into labelled masks. */
export const imageSegmentation: TaskInvoker = {
  type: 'image-segmentation',
  async invoke(client, args) {
    const segments = await client.imageSegmentation({ ...route(args), inputs: fileBlob(args.inputs, 'image') }, args.options);
    return segmentationOutputs(segments.map((s) => ({ label: s.label, score: s.score, mask: fromBase64(s.mask ?? '') })));
  },
};
