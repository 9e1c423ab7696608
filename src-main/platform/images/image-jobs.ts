// Heavy image work (decode, draw boxes, paint masks, encode) in worker threads, so that a huge or hostile
// image never blocks the event loop: deadlines, cancellation and other clients keep being served, and an
// aborted job's thread is terminated at once.
import type { Worker } from 'node:worker_threads';
import { InferenceError } from '../../engine/inference';
import { startModuleWorker } from '../module-worker';
import type { LabelledMask } from './combine-masks';
import type { LabelledBox } from './draw-boxes';

/** One job for the image worker. */
export type ImageJob = { op: 'draw-boxes'; image: Uint8Array; boxes: LabelledBox[] } | { op: 'combine-masks'; masks: LabelledMask[] };

/** The worker's answer: PNG bytes (undefined when the format is not PNG/JPEG), or why it failed. */
export type ImageJobAnswer = { ok: true; bytes: Uint8Array | undefined } | { ok: false; tooLarge: boolean; message: string };

/** Idle workers kept for the next jobs (unref'd: they never keep the process alive). */
const MAX_IDLE_WORKERS = 2;
const idle: Worker[] = [];

function takeWorker(): Worker {
  const worker = idle.pop() ?? newWorker();
  worker.ref();
  return worker;
}

function newWorker(): Worker {
  const worker = startModuleWorker(import.meta.url, 'image-worker');
  // A worker that dies while idle leaves the pool (its error never reaches a job, nor crashes the process).
  const forget = () => idle.includes(worker) && idle.splice(idle.indexOf(worker), 1);
  worker.on('error', forget);
  worker.on('exit', forget);
  return worker;
}

function giveBack(worker: Worker): void {
  if (idle.length >= MAX_IDLE_WORKERS) {
    void worker.terminate();
    return;
  }
  worker.unref();
  idle.push(worker);
}

/** Runs one job on a worker; rejects with the signal's reason (and terminates the worker) when it aborts. */
export function runImageJob(job: ImageJob, signal?: AbortSignal): Promise<Uint8Array | undefined> {
  if (signal?.aborted) return Promise.reject(signal.reason);
  const worker = takeWorker();
  return new Promise<Uint8Array | undefined>((resolve, reject) => {
    const onAbort = () => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      void worker.terminate();
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    const settle = (done: () => void, keep: boolean) => {
      signal?.removeEventListener('abort', onAbort);
      worker.off('message', onMessage);
      worker.off('error', onError);
      if (keep) giveBack(worker);
      else void worker.terminate();
      done();
    };
    const onMessage = (answer: ImageJobAnswer) => {
      if (answer.ok) settle(() => resolve(answer.bytes), true);
      else settle(() => reject(jobError(answer)), true);
    };
    const onError = (error: Error) => settle(() => reject(new InferenceError('internal', `the image worker failed: ${error.message}`, { retriable: false })), false);
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.postMessage(job);
  });
}

function jobError(answer: Extract<ImageJobAnswer, { ok: false }>): InferenceError {
  return new InferenceError(answer.tooLarge ? 'bad-output' : 'internal', `the image could not be processed: ${answer.message}`, { retriable: false });
}

/** drawBoxes in a worker: a PNG with the boxes drawn, undefined for a format other than PNG/JPEG. */
export const drawBoxesOffThread = (image: Uint8Array, boxes: LabelledBox[], signal?: AbortSignal) =>
  runImageJob({ op: 'draw-boxes', image, boxes }, signal);

/** combineMasks in a worker: one picture of every mask, undefined when they cannot be combined. */
export const combineMasksOffThread = (masks: LabelledMask[], signal?: AbortSignal) => runImageJob({ op: 'combine-masks', masks }, signal);
