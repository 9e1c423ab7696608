// Combines image-segmentation masks into one picture: each mask painted in its label's colour.
import { colourByLabel, decodeImage, encodePng, setPixel, type Raster } from './raster';

/** One segmentation mask: a greyscale (or RGBA) PNG where bright pixels belong to the segment. */
export interface LabelledMask {
  label: string;
  mask: Uint8Array;
}

/**
 * Paints every mask in its label's colour on a black canvas of the first mask's size. Returns
 * undefined when a mask cannot be decoded or the sizes differ (the caller then keeps the first mask).
 * Masks are decoded one at a time, each under the pixel cap (ImageTooLargeError above it).
 */
export function combineMasks(masks: readonly LabelledMask[]): Uint8Array | undefined {
  const first = masks[0] ? decodeImage(masks[0].mask) : undefined;
  if (!first) return undefined;
  const canvas: Raster = { width: first.width, height: first.height, data: new Uint8Array(first.width * first.height * 4) };
  for (let i = 3; i < canvas.data.length; i += 4) canvas.data[i] = 255;
  const colours = colourByLabel(masks.map((m) => String(m.label)));
  for (const [k, m] of masks.entries()) {
    const raster = k === 0 ? first : decodeImage(m.mask);
    if (!raster || raster.width !== first.width || raster.height !== first.height) return undefined;
    const colour = colours.get(String(m.label))!;
    for (let y = 0; y < raster.height; y++) {
      for (let x = 0; x < raster.width; x++) {
        if (raster.data[(y * raster.width + x) * 4] >= 128) setPixel(canvas, x, y, colour);
      }
    }
  }
  return encodePng(canvas);
}
