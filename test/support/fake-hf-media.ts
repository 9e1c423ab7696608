// Tiny valid media files for fakes and tests: a PNG (pngjs), a WAV, an MP4 header.
import { PNG } from 'pngjs';

/** A solid-colour RGBA PNG; `paint` may colour single pixels. */
export function tinyPng(width = 32, height = 32, rgb: [number, number, number] = [255, 255, 255], paint?: (x: number, y: number) => [number, number, number] | undefined): Buffer {
  const png = new PNG({ width, height });
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const [r, g, b] = paint?.(x, y) ?? rgb;
      const i = (y * width + x) * 4;
      png.data[i] = r; png.data[i + 1] = g; png.data[i + 2] = b; png.data[i + 3] = 255;
    }
  }
  return PNG.sync.write(png);
}

/** A valid 16-bit mono PCM WAV of `samples` samples of silence at 16 kHz. */
export function tinyWav(samples = 160): Buffer {
  const data = samples * 2;
  const header = Buffer.alloc(44);
  header.write('RIFF', 0); header.writeUInt32LE(36 + data, 4); header.write('WAVE', 8);
  header.write('fmt ', 12); header.writeUInt32LE(16, 16); header.writeUInt16LE(1, 20); header.writeUInt16LE(1, 22);
  header.writeUInt32LE(16000, 24); header.writeUInt32LE(32000, 28); header.writeUInt16LE(2, 32); header.writeUInt16LE(16, 34);
  header.write('data', 36); header.writeUInt32LE(data, 40);
  return Buffer.concat([header, Buffer.alloc(data)]);
}

/** The start of an MP4 file (an `ftyp` box and an empty `mdat`): enough for type sniffing. */
export function tinyMp4(): Buffer {
  const ftyp = Buffer.alloc(24);
  ftyp.writeUInt32BE(24, 0); ftyp.write('ftypisom', 4); ftyp.writeUInt32BE(512, 12); ftyp.write('isomiso2', 16);
  const mdat = Buffer.alloc(8);
  mdat.writeUInt32BE(8, 0); mdat.write('mdat', 4);
  return Buffer.concat([ftyp, mdat]);
}
