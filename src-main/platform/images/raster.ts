// Decoding PNG/JPEG into RGBA pixels and encoding PNG: the small image toolkit behind drawn outputs.
// Decoding is bounded: the pixel count is read from the file's header and refused above MAX_DECODED_PIXELS
// before any memory is taken (a 747 KB PNG can declare 16000x16000 pixels, 1 GB of RGBA).
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

/** The most pixels the app decodes in one image (40 megapixels: 160 MB of RGBA; 8K UHD is 33). */
export const MAX_DECODED_PIXELS = 40_000_000;

/** An image refused before decoding because it declares more pixels than MAX_DECODED_PIXELS. */
export class ImageTooLargeError extends Error {
  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    super(`the image declares ${width}x${height} pixels (${megapixels(width * height)} MP); the limit is ${megapixels(MAX_DECODED_PIXELS)} MP`);
    this.name = 'ImageTooLargeError';
  }
}

const megapixels = (pixels: number) => String(Math.round(pixels / 100_000) / 10);

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

const isPng = (b: Uint8Array) => b.length > 24 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47;
const isJpeg = (b: Uint8Array) => b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff;
const u16 = (b: Uint8Array, i: number) => (b[i] << 8) | b[i + 1];
const u32 = (b: Uint8Array, i: number) => ((b[i] << 24) >>> 0) + (b[i + 1] << 16) + (b[i + 2] << 8) + b[i + 3];

/** The size a PNG (IHDR) or JPEG (first SOFn marker) declares in its header; undefined when none is found. */
export function declaredSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  if (isPng(bytes)) return { width: u32(bytes, 16), height: u32(bytes, 20) };
  if (!isJpeg(bytes)) return undefined;
  for (let i = 2; i + 9 < bytes.length; ) {
    if (bytes[i] !== 0xff) return undefined;
    const marker = bytes[i + 1];
    if (marker === 0xff) { i += 1; continue; }
    // SOF0..SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { width: u16(bytes, i + 7), height: u16(bytes, i + 5) };
    }
    i += 2 + u16(bytes, i + 2);
  }
  return undefined;
}

/**
 * Decodes PNG or JPEG bytes; undefined for any other or a broken format. Throws ImageTooLargeError,
 * without decoding, when the header declares more than MAX_DECODED_PIXELS.
 */
export function decodeImage(bytes: Uint8Array): Raster | undefined {
  const size = declaredSize(bytes);
  if (size && size.width * size.height > MAX_DECODED_PIXELS) throw new ImageTooLargeError(size.width, size.height);
  try {
    if (isPng(bytes)) {
      const png = PNG.sync.read(Buffer.from(bytes));
      return { width: png.width, height: png.height, data: new Uint8Array(png.data) };
    }
    if (isJpeg(bytes)) {
      const maxResolutionInMP = MAX_DECODED_PIXELS / 1_000_000;
      const img = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxResolutionInMP, maxMemoryUsageInMB: 256 });
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
