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
 */
export function combineMasks(masks: readonly LabelledMask[]): Uint8Array | undefined {
  const rasters = masks.map((m) => decodeImage(m.mask));
  const first = rasters[0];
  if (!first || rasters.some((r) => !r || r.width !== first.width || r.height !== first.height)) return undefined;
  const canvas: Raster = { width: first.width, height: first.height, data: new Uint8Array(first.width * first.height * 4) };
  for (let i = 3; i < canvas.data.length; i += 4) canvas.data[i] = 255;
  const colours = colourByLabel(masks.map((m) => m.label));
  masks.forEach((m, k) => {
    const raster = rasters[k]!;
    for (let y = 0; y < raster.height; y++) {
      for (let x = 0; x < raster.width; x++) {
        if (raster.data[(y * raster.width + x) * 4] >= 128) setPixel(canvas, x, y, colours.get(m.label)!);
      }
    }
  });
  return encodePng(canvas);
}
