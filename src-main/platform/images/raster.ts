// Decoding PNG/JPEG into RGBA pixels and encoding PNG: the small image toolkit behind drawn outputs.
import { PNG } from 'pngjs';
import jpeg from 'jpeg-js';

/** An RGBA image in memory: 4 bytes per pixel, row by row. */
export interface Raster {
  width: number;
  height: number;
  data: Uint8Array;
}

/** An RGB colour. */
export type Rgb = readonly [number, number, number];

/** Distinct colours, assigned to labels in order of first appearance. */
export const LABEL_COLOURS: readonly Rgb[] = [
  [230, 25, 75], [60, 180, 75], [0, 130, 200], [245, 130, 48], [145, 30, 180],
  [70, 240, 240], [240, 50, 230], [210, 245, 60], [250, 190, 212], [0, 128, 128],
];

/** Gives each distinct label its colour from LABEL_COLOURS (cycling when there are more labels). */
export function colourByLabel(labels: readonly string[]): Map<string, Rgb> {
  const colours = new Map<string, Rgb>();
  for (const label of labels) {
    if (!colours.has(label)) colours.set(label, LABEL_COLOURS[colours.size % LABEL_COLOURS.length]);
  }
  return colours;
}

const isPng = (b: Uint8Array) => b.length > 8 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47;
const isJpeg = (b: Uint8Array) => b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff;

/** Decodes PNG or JPEG bytes; undefined for any other or a broken format. */
export function decodeImage(bytes: Uint8Array): Raster | undefined {
  try {
    if (isPng(bytes)) {
      const png = PNG.sync.read(Buffer.from(bytes));
      return { width: png.width, height: png.height, data: new Uint8Array(png.data) };
    }
    if (isJpeg(bytes)) {
      const img = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxMemoryUsageInMB: 256 });
      return { width: img.width, height: img.height, data: img.data };
    }
  } catch {
    return undefined;
  }
  return undefined;
}

/** Encodes an RGBA raster as PNG bytes. */
export function encodePng(raster: Raster): Uint8Array {
  const png = new PNG({ width: raster.width, height: raster.height });
  Buffer.from(raster.data.buffer, raster.data.byteOffset, raster.data.byteLength).copy(png.data);
  return new Uint8Array(PNG.sync.write(png));
}

/** Sets one pixel (opaque) if it lies inside the raster. */
export function setPixel(raster: Raster, x: number, y: number, [r, g, b]: Rgb): void {
  if (x < 0 || y < 0 || x >= raster.width || y >= raster.height) return;
  const i = (y * raster.width + x) * 4;
  raster.data[i] = r;
  raster.data[i + 1] = g;
  raster.data[i + 2] = b;
  raster.data[i + 3] = 255;
}
