// How detections and segments become outputs, for every runtime that produces them (the cloud, endpoints,
// the built-in runtime): the same text lines, data and drawn pictures whoever ran the model.
import type { RawOutput } from '../../engine/inference';
import { combineMasks } from '../images/combine-masks';
import { drawBoxes, type LabelledBox } from '../images/draw-boxes';
import { textOutput } from './wire';

/** A detection with its score, as object-detection models return them (pixel coordinates). */
export type ScoredBox = LabelledBox & { score: number };

/** `label (score) at [xmin,ymin,xmax,ymax]` lines (data = the predictions), after the image with boxes drawn when it decodes. */
export function detectionOutputs(predictions: ScoredBox[], image: Uint8Array): RawOutput[] {
  const lines = predictions.map(({ label, score, box }) => `${label} (${score.toFixed(3)}) at [${box.xmin},${box.ymin},${box.xmax},${box.ymax}]`);
  const outputs: RawOutput[] = [textOutput(lines.join('\n') || '(no objects found)', predictions)];
  const drawn = drawBoxes(image, predictions);
  if (drawn) outputs.unshift({ port: 'image', modality: 'image', bytes: drawn, mime: 'image/png' });
  return outputs;
}

/** A segment with its mask as PNG bytes. */
export interface Segment {
  label: string;
  score?: number | null;
  mask: Uint8Array;
}

/** One picture with every mask in its label's colour (or the first mask) and a labels text. */
export function segmentationOutputs(segments: Segment[]): RawOutput[] {
  const masks = segments.map((s) => ({ label: s.label, mask: s.mask }));
  const picture = masks.length > 0 ? combineMasks(masks) ?? masks[0].mask : undefined;
  const text = segments.map((s) => (s.score == null ? s.label : `${s.label} (${s.score.toFixed(3)})`)).join('\n');
  const data = segments.map(({ label, score }) => ({ label, score: score ?? undefined }));
  return [
    ...(picture ? [{ port: 'image', modality: 'image' as const, bytes: picture }] : []),
    textOutput(text || '(no segments)', data),
  ];
}
