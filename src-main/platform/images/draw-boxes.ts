// Draws object-detection boxes onto the input image, one colour per label.
import { colourByLabel, decodeImage, encodePng, setPixel, type Raster, type Rgb } from './raster';

/** A detected object as the object-detection task returns it (pixel coordinates). */
export interface LabelledBox {
  label: string;
  box: { xmin: number; ymin: number; xmax: number; ymax: number };
}

/** Outline thickness in pixels. */
export const BOX_THICKNESS = 3;

/**
 * Returns a PNG of `imageBytes` (PNG or JPEG) with a rectangle outline per box, or undefined when the
 * image format cannot be decoded (the caller keeps its text output).
 */
export function drawBoxes(imageBytes: Uint8Array, boxes: readonly LabelledBox[]): Uint8Array | undefined {
  const raster = decodeImage(imageBytes);
  if (!raster) return undefined;
  const colours = colourByLabel(boxes.map((b) => b.label));
  for (const { label, box } of boxes) outline(raster, box, colours.get(label)!);
  return encodePng(raster);
}

function outline(raster: Raster, box: LabelledBox['box'], colour: Rgb): void {
  const x0 = Math.round(box.xmin), y0 = Math.round(box.ymin);
  const x1 = Math.round(box.xmax), y1 = Math.round(box.ymax);
  for (let t = 0; t < BOX_THICKNESS; t++) {
    for (let x = x0; x <= x1; x++) {
      setPixel(raster, x, y0 + t, colour);
      setPixel(raster, x, y1 - t, colour);
    }
    for (let y = y0; y <= y1; y++) {
      setPixel(raster, x0 + t, y, colour);
      setPixel(raster, x1 - t, y, colour);
    }
  }
}
