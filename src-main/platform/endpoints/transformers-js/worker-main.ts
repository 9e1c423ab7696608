// The built-in runtime's worker thread: runs transformers.js pipelines off the main thread, downloads model
// files from the Hub into the data folder with progress, and answers each job with outputs or a classified error.
import { parentPort, workerData } from 'node:worker_threads';
import { env, ModelRegistry, pipeline } from '@huggingface/transformers';
import { InferenceError, type RawOutput } from '../../../engine/inference';
import { fetchScope, hubFetch, type FetchScope } from './hub-fetch';
import { folderBytes, modelFolder } from './model-folder';
import { PipelinePool } from './pipeline-pool';
import { TASK_PIPELINES, type LoadedPipeline } from './task-pipelines';
import type { FromWorker, HubConfig, JobProgress, ToWorker, WorkerJob } from './worker-protocol';
import { describeFailure } from './worker-errors';

/** What the main process tells the worker when it starts it. */
export interface WorkerOptions {
  /** Loaded models past this many bytes (on disk) unload the least recently used. */
  memoryBudgetBytes: number;
}

const port = parentPort!;
const options = workerData as WorkerOptions;
const DTYPE = 'q8';
let cacheDir = '';
const pool = new PipelinePool(options.memoryBudgetBytes, (model) => folderBytes(modelFolder(cacheDir, model)));
const running = new Map<number, AbortController>();

const send = (message: FromWorker, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

function configure(hub: HubConfig): void {
  cacheDir = hub.cacheDir;
  env.remoteHost = `${hub.hubUrl.replace(/\/+$/, '')}/`;
  env.cacheDir = hub.cacheDir;
  env.allowLocalModels = false;
  env.allowRemoteModels = true;
  env.useFSCache = true;
  env.fetch = hubFetch;
}

/** A progress callback for transformers.js that reports downloads (not cache reads), at most once per percent. */
function progressReporter(id: number, model: string, scope: FetchScope) {
  let lastPercent = -1;
  return (info: any) => {
    if (info.status !== 'progress_total' || !scope.downloading) return;
    const fraction = info.total > 0 ? info.loaded / info.total : undefined;
    const percent = fraction === undefined ? 0 : Math.floor(fraction * 100);
    if (percent === lastPercent) return;
    lastPercent = percent;
    const mb = (n: number) => (n / 1e6).toFixed(1);
    const progress: JobProgress = { message: `downloading ${model}: ${mb(info.loaded)} of ${mb(info.total)} MB`, fraction, loaded: info.loaded, total: info.total };
    send({ type: 'progress', id, progress });
  };
}

const pipelineOf = (task: string) => {
  const spec = TASK_PIPELINES[task as keyof typeof TASK_PIPELINES];
  if (!spec) throw new InferenceError('invalid-input', `The built-in runtime does not run "${task}" tasks.`, { retriable: false });
  return spec;
};

async function runJob(job: WorkerJob, scope: FetchScope): Promise<{ outputs?: RawOutput[]; bytes?: number }> {
  configure(job.hub);
  const spec = pipelineOf(job.task);
  if (job.type === 'download-size') {
    const files: string[] = await ModelRegistry.get_pipeline_files(spec.pipeline as any, job.model, { dtype: DTYPE });
    const sizes = await Promise.all(files.map((file) => ModelRegistry.get_file_metadata(job.model, file)));
    return { bytes: sizes.reduce((sum, m: any) => sum + (m.size ?? 0), 0) };
  }
  const load = (pipelineTask: string, model: string) =>
    pipeline(pipelineTask as any, model, { dtype: DTYPE, device: 'cpu', progress_callback: progressReporter(job.id, model, scope) }) as unknown as Promise<LoadedPipeline>;
  if (job.type === 'download') {
    await pool.with(spec.pipeline, job.model, load, async () => undefined);
    return { bytes: await folderBytes(modelFolder(job.hub.cacheDir, job.model)) };
  }
  const outputs = await pool.with(spec.pipeline, job.model, load, (pipe) => spec.run(pipe, job.inputs));
  return { outputs };
}

async function start(job: WorkerJob): Promise<void> {
  const controller = new AbortController();
  running.set(job.id, controller);
  const scope: FetchScope = { signal: controller.signal, token: job.hub.token };
  try {
    const result = await fetchScope.run(scope, () => runJob(job, scope));
    if (controller.signal.aborted) return;
    // Move output bytes that own their whole buffer; others are copied.
    const transfer = (result.outputs ?? []).flatMap((o) =>
      'bytes' in o && o.bytes.byteOffset === 0 && o.bytes.byteLength === o.bytes.buffer.byteLength ? [o.bytes.buffer as ArrayBuffer] : []);
    send({ type: 'done', id: job.id, ...result }, transfer);
  } catch (error) {
    if (!controller.signal.aborted) send({ type: 'failed', id: job.id, ...describeFailure(error, job, scope) });
  } finally {
    running.delete(job.id);
  }
}

port.on('message', (message: ToWorker) => {
  if (message.type === 'cancel') running.get(message.id)?.abort();
  else if (message.type === 'unload') void pool.unload(message.model);
  else void start(message);
});
