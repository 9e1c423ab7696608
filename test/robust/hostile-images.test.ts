// Hostile model answers and inputs against the engine's own image work (issue 20, item 1): an absurd
// detection box and a decompression bomb end with a clear node result instead of freezing the process.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drawBoxes } from '../../src-main/platform/images/draw-boxes';
import { runImageJob } from '../../src-main/platform/images/image-jobs';
import { decodeImage, declaredSize, ImageTooLargeError } from '../../src-main/platform/images/raster';
import { tinyPng } from '../support/fake-hf-media';
import { routeLlm } from '../support/routed-llm';
import { startSeedFakes, type SeedFakes } from '../pipeline/seed-fakes';

const DETECTOR = 'facebook/detr-resnet-50';
const SEGMENTER = 'nvidia/segformer-b0-finetuned-ade-512-512';

/** A real PNG of `size`x`size` black 1-bit pixels: a few hundred KB that decode to size*size*4 bytes of RGBA. */
function pngBomb(size: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 1; // bit depth 1
  header[9] = 0; // greyscale
  const row = Buffer.alloc(1 + Math.ceil(size / 8));
  const rows = Buffer.alloc(row.length * size);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

function crc32(bytes: Buffer): number {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

describe('bounded image work', () => {
  it('clamps an absurd box to the image instead of looping over 1e17 pixels', () => {
    const out = drawBoxes(new Uint8Array(tinyPng(16, 16)), [
      { label: 'cat', box: { xmin: 0, ymin: 0, xmax: 1e17, ymax: 1e17 } },
      { label: 'dog', box: { xmin: Number.NaN, ymin: 0, xmax: 4, ymax: 4 } },
      { label: 'eel', box: undefined as never },
    ]);
    const png = PNG.sync.read(Buffer.from(out!));
    expect([png.width, png.height]).toEqual([16, 16]);
    expect([...png.data.subarray((8 * 16 + 15) * 4, (8 * 16 + 15) * 4 + 3)]).not.toEqual([255, 255, 255]); // right edge drawn at x = 15
  });

  it('refuses a decompression bomb from its header, before decoding', () => {
    const bomb = new Uint8Array(pngBomb(16000));
    expect(bomb.length).toBeLessThan(1_000_000);
    expect(declaredSize(bomb)).toEqual({ width: 16000, height: 16000 });
    expect(() => decodeImage(bomb)).toThrow(ImageTooLargeError);
    expect(() => decodeImage(bomb)).toThrow(/16000x16000 pixels \(256 MP\); the limit is 40 MP/);
  });

  it('stops a job in its worker when the signal aborts', async () => {
    const controller = new AbortController();
    const job = runImageJob({ op: 'draw-boxes', image: new Uint8Array(tinyPng(64, 64)), boxes: [] }, controller.signal);
    controller.abort(new Error('deadline passed'));
    await expect(job).rejects.toThrow('deadline passed');
    expect(await runImageJob({ op: 'draw-boxes', image: new Uint8Array(tinyPng(8, 8)), boxes: [] })).toBeInstanceOf(Uint8Array);
  });
});

describe('hostile answers in a run', () => {
  let fakes: SeedFakes;
  beforeAll(async () => {
    fakes = await startSeedFakes({
      cloud: {
        [DETECTOR]: { task: 'object-detection', reply: { body: [{ score: 0.9, label: 'cat', box: { xmin: 0, ymin: 0, xmax: 1e17, ymax: 1e17 } }] } },
        [SEGMENTER]: { task: 'image-segmentation', reply: { body: [{ label: 'wall', score: 0.9, mask: pngBomb(16000).toString('base64') }] } },
      },
      settings: (s) => ({ ...s, endpoints: [], execution: { ...s.execution, retries: 0, timeoutMs: 8000 } }),
    });
    writeFileSync(join(fakes.cwd, 'bomb.png'), pngBomb(16000));
  });
  afterAll(() => fakes.close());

  const runPlan = async (plan: { task: string; id: number; dep: number[]; args: { image: string } }[], choose: string) => {
    routeLlm(fakes.llm, {
      plan: () => JSON.stringify(plan),
      select: () => JSON.stringify({ choices: [{ task: 0, id: choose, reason: 'fits' }] }),
      respond: () => 'done',
    });
    const { code, json, stderr } = await fakes.cli(['run', `look at ${plan[0].args.image}`, '--json']);
    return { code, doc: json(), stderr };
  };

  it('a box with xmax 1e17 is drawn clamped and the node succeeds', async () => {
    const { code, doc } = await runPlan([{ task: 'object-detection', id: 0, dep: [-1], args: { image: 'example.jpg' } }], DETECTOR);
    expect(doc.results[0].error).toBeNull();
    expect(code).toBe(0);
    expect(doc.results[0].status).toBe('succeeded');
    expect(doc.results[0].outputs.map((o: any) => o.modality).sort()).toEqual(['image', 'text']);
  });

  it('a decompression bomb among the masks fails the node with a clear error', async () => {
    const { code, doc } = await runPlan([{ task: 'image-segmentation', id: 0, dep: [-1], args: { image: 'example.jpg' } }], SEGMENTER);
    expect(code).toBe(1);
    expect(doc.results[0].status).toBe('failed');
    expect(doc.results[0].error.message).toMatch(/16000x16000 pixels/);
  });

  it('a decompression bomb as the input of a detection fails the node with a clear error', async () => {
    fakes.hf.addModel(DETECTOR, { task: 'object-detection' });
    const { doc } = await runPlan([{ task: 'object-detection', id: 0, dep: [-1], args: { image: 'bomb.png' } }], DETECTOR);
    expect(doc.results[0].status).toBe('failed');
    expect(doc.results[0].error.message).toMatch(/16000x16000 pixels/);
  });
});
