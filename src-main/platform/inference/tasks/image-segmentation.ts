// image-segmentation -> imageSegmentation: JSON {inputs: <base64 image>} (the library's hf-inference
// format); [{label, score, mask: base64 PNG}] read as one picture with every mask in its label's
// colour (or the first mask when they cannot be combined) and a labels text.
import { combineMasksOffThread } from '../../images/image-jobs';
import type { TaskInvoker } from '../invoker';
import { route } from '../invoker';
import { fileBlob, fromBase64, textOutput } from '../wire';

/** Segments an image into labelled masks. */
export const imageSegmentation: TaskInvoker = {
  type: 'image-segmentation',
  async invoke(client, args) {
    const segments = await client.imageSegmentation({ ...route(args), inputs: fileBlob(args.inputs, 'image') }, args.options);
    const masks = segments.map((s) => ({ label: s.label, mask: fromBase64(s.mask ?? '') }));
    const picture = masks.length > 0 ? (await combineMasksOffThread(masks, args.signal)) ?? masks[0].mask : undefined;
    const text = segments.map((s) => (s.score === undefined ? s.label : `${s.label} (${s.score.toFixed(3)})`)).join('\n');
    const data = segments.map(({ label, score }) => ({ label, score }));
    return [
      ...(picture ? [{ port: 'image', modality: 'image' as const, bytes: picture }] : []),
      textOutput(text || '(no segments)', data),
    ];
  },
};
