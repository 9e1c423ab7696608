// Large valid PNG files (random pixels, hardly compressible) for the memory benchmark.
import { randomBytes } from 'node:crypto';
import { PNG } from 'pngjs';

/** A random RGBA PNG of about `megabytes` MB (the encoded size is within a few % of it). */
export function bigPng(megabytes: number): Buffer {
  const width = 2048;
  const height = Math.ceil((megabytes * 2 ** 20) / (width * 4));
  const png = new PNG({ width, height });
  randomBytes(width * height * 4).copy(png.data);
  return PNG.sync.write(png, { deflateLevel: 0 });
}
