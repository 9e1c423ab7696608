// Drawing detection boxes on PNG and JPEG inputs; unknown formats give no image and no crash.
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { drawBoxes } from '../../src-main/platform/images/draw-boxes';
import { combineMasks } from '../../src-main/platform/images/combine-masks';
import { LABEL_COLOURS } from '../../src-main/platform/images/raster';
import { tinyPng } from '../support/fake-hf-media';

const pixel = (img: { width: number; data: Uint8Array | Buffer }, x: number, y: number) =>
  [...img.data.subarray((y * img.width + x) * 4, (y * img.width + x) * 4 + 3)];

const boxes = [
  { label: 'cat', box: { xmin: 2, ymin: 2, xmax: 12, ymax: 12 } },
  { label: 'dog', box: { xmin: 16, ymin: 4, xmax: 28, ymax: 20 } },
  { label: 'cat', box: { xmin: 20, ymin: 24, xmax: 30, ymax: 30 } },
];

describe('drawBoxes', () => {
  it('outlines each box on a PNG in its label colour, leaving the inside untouched', () => {
    const out = PNG.sync.read(Buffer.from(drawBoxes(new Uint8Array(tinyPng(32, 32)), boxes)!));
    expect([out.width, out.height]).toEqual([32, 32]);
    expect(pixel(out, 2, 7)).toEqual([...LABEL_COLOURS[0]]); // left edge of the first cat
    expect(pixel(out, 4, 7)).toEqual([...LABEL_COLOURS[0]]); // third pixel of a 3 px line
    expect(pixel(out, 7, 7)).toEqual([255, 255, 255]); // inside
    expect(pixel(out, 22, 4)).toEqual([...LABEL_COLOURS[1]]); // top edge of the dog
    expect(pixel(out, 30, 27)).toEqual([...LABEL_COLOURS[0]]); // the second cat shares the cat colour
  });

  it('draws on a JPEG and clamps boxes that leave the image', () => {
    const raw = { width: 16, height: 16, data: Buffer.alloc(16 * 16 * 4, 255) };
    const input = new Uint8Array(jpeg.encode(raw, 95).data);
    const out = PNG.sync.read(Buffer.from(drawBoxes(input, [{ label: 'x', box: { xmin: -5, ymin: 1, xmax: 40, ymax: 10 } }])!));
    expect(out.width).toBe(16);
    expect(pixel(out, 8, 1)).toEqual([...LABEL_COLOURS[0]]);
  });

  it('returns undefined for an unknown or broken image', () => {
    expect(drawBoxes(new TextEncoder().encode('GIF89a not really'), boxes)).toBeUndefined();
    expect(drawBoxes(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 0, 0]), boxes)).toBeUndefined();
  });
});

describe('combineMasks', () => {
  it('paints masks in label colours, or gives up when sizes differ', () => {
    const left = new Uint8Array(tinyPng(4, 4, [0, 0, 0], (x) => (x < 2 ? [255, 255, 255] : undefined)));
    const right = new Uint8Array(tinyPng(4, 4, [0, 0, 0], (x) => (x >= 2 ? [255, 255, 255] : undefined)));
    const out = PNG.sync.read(Buffer.from(combineMasks([{ label: 'a', mask: left }, { label: 'b', mask: right }])!));
    expect(pixel(out, 0, 0)).toEqual([...LABEL_COLOURS[0]]);
    expect(pixel(out, 3, 3)).toEqual([...LABEL_COLOURS[1]]);
    expect(combineMasks([{ label: 'a', mask: left }, { label: 'b', mask: new Uint8Array(tinyPng(5, 5)) }])).toBeUndefined();
  });
});
