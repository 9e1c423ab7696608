// How bounded is the engine's own image work? Event-loop delay while boxes are drawn on a 12-megapixel photo,
// on the main thread vs in the image worker, and the time to refuse a 16000x16000 decompression bomb.
// Run: npx tsx bench/image-work.ts
import { deflateSync } from 'node:zlib';
import { PNG } from 'pngjs';
import { drawBoxes } from '../src-main/platform/images/draw-boxes';
import { drawBoxesOffThread } from '../src-main/platform/images/image-jobs';
import { decodeImage } from '../src-main/platform/images/raster';

const width = 4000;
const height = 3000;
const png = new PNG({ width, height });
for (let i = 0; i < png.data.length; i++) png.data[i] = (i * 2654435761) >>> 24; // noise: compresses like a photo
const photo = new Uint8Array(PNG.sync.write(png));
const boxes = [{ label: 'cat', box: { xmin: 10, ymin: 10, xmax: 1e17, ymax: 2000 } }];

/** Wall time of `work` and the longest the event loop went without serving a 5 ms timer meanwhile. */
async function maxLoopDelayMs(work: () => Promise<unknown>): Promise<{ wallMs: number; maxDelayMs: number }> {
  let last = performance.now();
  let maxGap = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    maxGap = Math.max(maxGap, now - last);
    last = now;
  }, 5);
  await new Promise((r) => setTimeout(r, 20));
  const started = performance.now();
  await work();
  const wallMs = performance.now() - started;
  await new Promise((r) => setTimeout(r, 20));
  clearInterval(ticker);
  return { wallMs: Math.round(wallMs), maxDelayMs: Math.round(maxGap) };
}

await drawBoxesOffThread(new Uint8Array(PNG.sync.write(new PNG({ width: 8, height: 8 }))), []); // start the worker
const onMain = await maxLoopDelayMs(async () => drawBoxes(photo, boxes));
const inWorker = await maxLoopDelayMs(() => drawBoxesOffThread(photo, boxes));

const rows = Buffer.alloc((1 + 2000) * 16000);
const bomb = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('0000000d49484452', 'hex'), Buffer.from([0, 0, 0x3e, 0x80, 0, 0, 0x3e, 0x80, 1, 0, 0, 0, 0]), Buffer.alloc(4), deflateSync(rows)]);
const refusedAt = performance.now();
try {
  decodeImage(new Uint8Array(bomb));
} catch {
  // refused, as expected
}
const refuseMs = performance.now() - refusedAt;

console.log(JSON.stringify({ photo: `${width}x${height} PNG, ${(photo.length / 1e6).toFixed(1)} MB`, onMain, inWorker, bombBytes: bomb.length, bombRefusedInMs: Number(refuseMs.toFixed(2)) }, null, 2));
process.exit(0);
