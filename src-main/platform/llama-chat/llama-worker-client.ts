// The main-thread side of the LLM worker: starts it on first use, streams answers back, cancels, and ends the
// worker (freeing the model's memory) after a while without calls.
import type { Worker } from 'node:worker_threads';
import { startModuleWorker } from '../module-worker';
import type { GenerateRequest, GenerateResult } from './llama-generator';
import type { FromWorker, ToWorker } from './llama-worker';

/** A generation that failed in the worker: `cancelled`, `too-long` (prompt exceeds the model), `load-failed` or `failed`. */
export class WorkerGenerateError extends Error {
  constructor(
    readonly kind: 'cancelled' | 'too-long' | 'load-failed' | 'failed',
    message: string,
  ) {
    super(message);
    this.name = 'WorkerGenerateError';
  }
}

/** Generates in a worker thread. */
export interface LlamaWorkerClient {
  generate(request: GenerateRequest, options: { signal?: AbortSignal; onDelta?: (text: string) => void }): Promise<GenerateResult>;
  /** Whether a worker (and so a loaded model) is alive. */
  readonly loaded: boolean;
  /** Ends the worker now. */
  close(): Promise<void>;
}

/** A client that starts its worker lazily and ends it after `idleUnloadMs` without calls. */
export function createLlamaWorkerClient(options: { idleUnloadMs?: number } = {}): LlamaWorkerClient {
  const idleUnloadMs = options.idleUnloadMs ?? 5 * 60_000;
  let worker: Worker | undefined;
  let nextId = 1;
  let idleTimer: NodeJS.Timeout | undefined;
  const pending = new Map<number, { resolve: (r: GenerateResult) => void; reject: (e: Error) => void; onDelta?: (text: string) => void }>();

  const failAll = (error: Error) => {
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };
  // An idle worker does not keep the process alive (the CLI exits when its work is done).
  const armIdle = () => {
    clearTimeout(idleTimer);
    if (pending.size > 0 || !worker) return;
    worker.unref();
    idleTimer = setTimeout(() => void stop(), idleUnloadMs).unref();
  };
  const stop = async () => {
    clearTimeout(idleTimer);
    const w = worker;
    worker = undefined;
    if (w) await w.terminate();
  };
  const start = (): Worker => {
    if (worker) return worker;
    const w = startModuleWorker(import.meta.url, 'llama-worker');
    w.on('message', (message: FromWorker) => {
      const p = pending.get(message.id);
      if (!p) return;
      if (message.type === 'delta') return p.onDelta?.(message.text);
      pending.delete(message.id);
      if (message.type === 'done') p.resolve(message.result);
      else p.reject(new WorkerGenerateError(message.kind, message.message));
      armIdle();
    });
    w.on('error', (error) => failAll(new WorkerGenerateError('failed', `the built-in LLM stopped: ${error.message}`)));
    w.on('exit', (code) => {
      if (worker === w) worker = undefined;
      if (pending.size) failAll(new WorkerGenerateError('failed', `the built-in LLM's worker exited (code ${code})`));
    });
    worker = w;
    return w;
  };

  return {
    get loaded() {
      return worker !== undefined;
    },
    generate(request, { signal, onDelta }) {
      if (signal?.aborted) return Promise.reject(new WorkerGenerateError('cancelled', 'the LLM call was cancelled'));
      clearTimeout(idleTimer);
      const w = start();
      w.ref();
      const id = nextId++;
      const post = (message: ToWorker) => w.postMessage(message);
      return new Promise<GenerateResult>((resolve, reject) => {
        const cancel = () => post({ type: 'cancel', id });
        signal?.addEventListener('abort', cancel, { once: true });
        const done = () => signal?.removeEventListener('abort', cancel);
        pending.set(id, { resolve: (r) => (done(), resolve(r)), reject: (e) => (done(), reject(e)), onDelta });
        post({ type: 'generate', id, request });
      });
    },
    close: stop,
  };
}
