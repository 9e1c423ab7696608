// Images into and out of transformers.js: RawImage from a file's bytes, PNG bytes from a RawImage (masks,
// depth maps) through the app's own PNG encoder.
import { RawImage } from '@huggingface/transformers';
import { encodePng } from '../../images/raster';

/** A RawImage of an image file (decoded by sharp, as transformers.js does in Node). */
export const rawImageOf = (bytes: Uint8Array, mime: string): Promise<RawImage> =>
  RawImage.fromBlob(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mime }));

/** PNG bytes of a 1-, 3- or 4-channel RawImage. */
export function pngOf(image: { width: number; height: number; channels: number; data: ArrayLike<number> }): Uint8Array {
  const { width, height, channels, data } = image;
  const rgba = new Uint8Array(width * height * 4);
  for (let p = 0; p < width * height; p++) {
    const at = p * channels;
    const [r, g, b] = channels >= 3 ? [data[at], data[at + 1], data[at + 2]] : [data[at], data[at], data[at]];
    rgba.set([r, g, b, channels === 4 ? data[at + 3] : 255], p * 4);
  }
  return encodePng({ width, height, data: rgba });
}
