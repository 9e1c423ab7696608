// The image worker thread: decodes, draws and encodes off the main event loop, one job per message.
import { parentPort } from 'node:worker_threads';
import { combineMasks } from './combine-masks';
import { drawBoxes } from './draw-boxes';
import type { ImageJob, ImageJobAnswer } from './image-jobs';
import { ImageTooLargeError } from './raster';

function answer(job: ImageJob): ImageJobAnswer {
  try {
    const bytes = job.op === 'draw-boxes' ? drawBoxes(job.image, job.boxes) : combineMasks(job.masks);
    return { ok: true, bytes };
  } catch (error) {
    return { ok: false, tooLarge: error instanceof ImageTooLargeError, message: error instanceof Error ? error.message : String(error) };
  }
}

parentPort?.on('message', (job: ImageJob) => {
  const reply = answer(job);
  parentPort!.postMessage(reply, reply.ok && reply.bytes ? [reply.bytes.buffer as ArrayBuffer] : []);
});
