// How detections and segments become outputs, for every runtime that produces them (the cloud, endpoints,
// the built-in runtime): the same text lines, data and drawn pictures whoever ran the model.
import type { RawOutput } from '../../engine/inference';
import { combineMasks } from '../images/combine-masks';
import { drawBoxes, type LabelledBox } from '../images/draw-boxes';
import { combineMasksOffThread, drawBoxesOffThread } from '../images/image-jobs';
import { textOutput } from './wire';

/** A detection with its score, as object-detection models return them (pixel coordinates). */
export type ScoredBox = LabelledBox & { score: number };

/** `label (score) at [xmin,ymin,xmax,ymax]` lines (data = the predictions), after the drawn image when there is one. */
function detectionOutputsWith(predictions: ScoredBox[], drawn: Uint8Array | undefined): RawOutput[] {
  const lines = predictions.map(({ label, score, box }) => `${label} (${Number(score).toFixed(3)}) at [${box?.xmin},${box?.ymin},${box?.xmax},${box?.ymax}]`);
  const outputs: RawOutput[] = [textOutput(lines.join('\n') || '(no objects found)', predictions)];
  if (drawn) outputs.unshift({ port: 'image', modality: 'image', bytes: drawn, mime: 'image/png' });
  return outputs;
}

/** Detection outputs, drawing on this thread: for code that already runs in a worker (the built-in runtime). */
export function detectionOutputs(predictions: ScoredBox[], image: Uint8Array): RawOutput[] {
  return detectionOutputsWith(predictions, drawBoxes(image, predictions));
}

/** Detection outputs, drawing in the image worker (main thread): stops with `signal` (the node's deadline or cancel). */
export async function detectionOutputsOffThread(predictions: ScoredBox[], image: Uint8Array, signal: AbortSignal): Promise<RawOutput[]> {
  return detectionOutputsWith(predictions, await drawBoxesOffThread(image, predictions, signal));
}

/** A segment with its mask as PNG bytes. */
export interface Segment {
  label: string;
  score?: number | null;
  mask: Uint8Array;
}

/** One picture with every mask in its label's colour (or the first mask) and a labels text, on this thread (in a worker). */
export function segmentationOutputs(segments: Segment[]): RawOutput[] {
  const masks = segments.map((s) => ({ label: s.label, mask: s.mask }));
  return segmentationOutputsWith(segments, masks.length > 0 ? combineMasks(masks) ?? masks[0].mask : undefined);
}

/** Segmentation outputs, painting the masks in the image worker (main thread): stops with `signal`. */
export async function segmentationOutputsOffThread(segments: Segment[], signal: AbortSignal): Promise<RawOutput[]> {
  const masks = segments.map((s) => ({ label: s.label, mask: s.mask }));
  return segmentationOutputsWith(segments, masks.length > 0 ? (await combineMasksOffThread(masks, signal)) ?? masks[0].mask : undefined);
}

function segmentationOutputsWith(segments: Segment[], picture: Uint8Array | undefined): RawOutput[] {
  const text = segments.map((s) => (s.score == null ? s.label : `${s.label} (${s.score.toFixed(3)})`)).join('\n');
  const data = segments.map(({ label, score }) => ({ label, score: score ?? undefined }));
  return [
    ...(picture ? [{ port: 'image', modality: 'image' as const, bytes: picture }] : []),
    textOutput(text || '(no segments)', data),
  ];
}
