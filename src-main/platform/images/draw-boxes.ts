// Draws object-detection boxes onto the input image, one colour per label.
import { colourByLabel, decodeImage, encodePng, setPixel, type Raster, type Rgb } from './raster';

/** A detected object as the object-detection task returns it (pixel coordinates). */
export interface LabelledBox {
  label: string;
  box: { xmin: number; ymin: number; xmax: number; ymax: number };
}

/** Outline thickness in pixels. */
export const BOX_THICKNESS = 3;

/** The most boxes drawn on one image (a model answer may list any number; the text output keeps them all). */
export const MAX_DRAWN_BOXES = 1000;

/**
 * Returns a PNG of `imageBytes` (PNG or JPEG) with a rectangle outline per box, or undefined when the
 * image format cannot be decoded (the caller keeps its text output). Model output is untrusted: boxes are
 * clamped to the image and boxes with non-numeric corners are skipped, so the work is bounded by the
 * image's size whatever the answer says. Throws ImageTooLargeError for an image over the pixel cap.
 */
export function drawBoxes(imageBytes: Uint8Array, boxes: readonly LabelledBox[]): Uint8Array | undefined {
  const raster = decodeImage(imageBytes);
  if (!raster) return undefined;
  const drawn = boxes.slice(0, MAX_DRAWN_BOXES);
  const colours = colourByLabel(drawn.map((b) => String(b.label)));
  for (const { label, box } of drawn) {
    const rect = clampedBox(box, raster);
    if (rect) outline(raster, rect, colours.get(String(label))!);
  }
  return encodePng(raster);
}

/** Integer corners inside the raster, or undefined when a corner is not a finite number. */
export function clampedBox(box: LabelledBox['box'] | undefined, raster: { width: number; height: number }) {
  const corners = [box?.xmin, box?.ymin, box?.xmax, box?.ymax];
  if (!corners.every((c) => typeof c === 'number' && Number.isFinite(c))) return undefined;
  const clamp = (v: number, size: number) => Math.min(size - 1, Math.max(0, Math.round(v)));
  const [x0, y0, x1, y1] = corners as number[];
  return {
    x0: clamp(Math.min(x0, x1), raster.width), y0: clamp(Math.min(y0, y1), raster.height),
    x1: clamp(Math.max(x0, x1), raster.width), y1: clamp(Math.max(y0, y1), raster.height),
  };
}

function outline(raster: Raster, { x0, y0, x1, y1 }: { x0: number; y0: number; x1: number; y1: number }, colour: Rgb): void {
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
