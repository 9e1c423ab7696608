// The main process's side of the built-in runtime's worker thread: starts it on first use, sends jobs,
// routes progress and answers back to each caller, cancels through the caller's AbortSignal (the caller
// gets `cancelled` at once; a download stops and leaves no partial file; a timeout lets it go on), and
// restarts the worker if it dies.
import { renameSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { InferenceError } from '../../../engine/inference';
import { builtFile } from '../../built-file';
import type { FromWorker, JobProgress, WorkerJob } from './worker-protocol';
import type { WorkerOptions } from './worker-main';

/** A job without its id (the client numbers them). */
export type JobRequest = WorkerJob extends infer J ? (J extends WorkerJob ? Omit<J, 'id'> : never) : never;

/** What a finished job returns. */
export type JobResult = Extract<FromWorker, { type: 'done' }>;

interface Pending {
  resolve(result: JobResult): void;
  reject(error: InferenceError): void;
  onProgress?(progress: JobProgress): void;
}

/**
 * Starts the worker's code: the built file next to the bundle (the app, the CLI), or, when running from the
 * TypeScript sources (tests, tsx), the source compiled by esbuild into out/dev/ once per process (a worker
 * does not inherit tsx's loader, and loading transformers.js through it takes many seconds).
 */
function startWorker(workerData: WorkerOptions): Worker {
  const built = builtFile(import.meta.url, 'transformers-js-worker.js');
  if (!import.meta.url.endsWith('.ts') && built) return new Worker(built, { workerData });
  return new Worker(devWorkerFile(), { workerData });
}

let devBuild: string | undefined;
function devWorkerFile(): string {
  if (devBuild) return devBuild;
  const source = fileURLToPath(new URL('./worker-main.ts', import.meta.url));
  const outfile = join(dirname(source), '../../../../out/dev/transformers-js-worker.mjs');
  const partial = `${outfile}.${process.pid}.${Date.now()}.tmp`;
  const esbuild = createRequire(import.meta.url)('esbuild') as { buildSync(options: object): unknown };
  esbuild.buildSync({ entryPoints: [source], outfile: partial, bundle: true, platform: 'node', format: 'esm', packages: 'external', target: 'node20', logLevel: 'error' });
  renameSync(partial, outfile);
  return (devBuild = outfile);
}

/** The worker thread, started on first use. */
export class BuiltInWorker {
  private worker?: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly options: WorkerOptions) {}

  /** Runs one job; rejects with InferenceError (kind `cancelled` when `signal` fires). */
  run(request: JobRequest, signal?: AbortSignal, onProgress?: (p: JobProgress) => void): Promise<JobResult> {
    if (signal?.aborted) return Promise.reject(new InferenceError('cancelled', 'cancelled', { retriable: false }));
    const id = this.nextId++;
    const worker = this.started();
    return new Promise<JobResult>((resolve, reject) => {
      const onAbort = () => {
        // A call's timeout (the engine aborts with an InferenceError of kind `timeout`) leaves the job running
        // in the worker: a slow first download goes on, and the retry joins the same model load.
        const reason: unknown = signal?.reason;
        const timedOut = reason instanceof InferenceError && reason.kind === 'timeout';
        if (!timedOut) worker.postMessage({ type: 'cancel', id });
        settle();
        reject(timedOut ? reason : new InferenceError('cancelled', 'cancelled', { retriable: false }));
      };
      const settle = () => {
        this.pending.delete(id);
        signal?.removeEventListener('abort', onAbort);
        // An idle worker must not keep the process (the CLI) alive; a busy one must.
        if (this.pending.size === 0) this.worker?.unref();
      };
      this.pending.set(id, {
        resolve: (r) => { settle(); resolve(r); },
        reject: (e) => { settle(); reject(e); },
        onProgress,
      });
      signal?.addEventListener('abort', onAbort, { once: true });
      worker.ref();
      worker.postMessage({ ...request, id });
    });
  }

  /** Asks the worker to dispose the pipelines of `model` (after its files were deleted). */
  unload(model: string): void {
    this.worker?.postMessage({ type: 'unload', model });
  }

  /** Stops the worker; pending jobs fail. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const worker = startWorker(this.options);
    worker.unref();
    worker.on('message', (message: FromWorker) => this.receive(message));
    const fail = (why: string) => {
      if (this.worker === worker) this.worker = undefined;
      for (const job of [...this.pending.values()]) job.reject(new InferenceError('network', `The built-in runtime stopped (${why}); the next call restarts it.`, { retriable: true }));
    };
    worker.on('error', (error) => fail(error.message));
    worker.on('exit', (code) => fail(`exit code ${code}`));
    this.worker = worker;
    return worker;
  }

  private receive(message: FromWorker): void {
    const job = this.pending.get(message.id);
    if (!job) return;
    if (message.type === 'progress') job.onProgress?.(message.progress);
    else if (message.type === 'done') job.resolve(message);
    else job.reject(new InferenceError(message.kind, message.message, { retriable: message.retriable }));
  }
}
