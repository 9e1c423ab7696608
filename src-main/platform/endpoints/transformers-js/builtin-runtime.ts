// The built-in runtime as the rest of the app sees it: the `transformers.js` endpoint adapter, plus the
// model cache the settings panel and `hugginggpt models` manage (list with sizes, download, delete).
import type { BuiltInModelView } from '../../../../src-shared/built-in-models';
import { BUILT_IN_TASKS } from '../../../../src-shared/endpoint-protocols';
import type { Settings } from '../../../../src-shared/settings';
import { InferenceError } from '../../../engine/inference';
import type { EndpointAdapter } from '../endpoint-adapter';
import { BuiltInWorker } from './builtin-worker';
import { deleteModelFolder, folderBytes, modelCacheDir, modelFolder } from './model-folder';
import type { HubConfig, JobProgress } from './worker-protocol';


/** Options of the runtime. */
export interface BuiltInRuntimeOptions {
  dataDir: string;
  settings: () => Settings;
  /** Loaded models past this many bytes unload the least recently used (default 2 GB). */
  memoryBudgetBytes?: number;
}

/** The runtime: its adapter and its model cache. */
export interface BuiltInRuntime {
  adapter: EndpointAdapter;
  /** Models of every transformers.js endpoint, in settings order; `sizes` asks the Hub for each download size. */
  list(options?: { sizes?: boolean }): Promise<BuiltInModelView[]>;
  /** Downloads a model's files for `task` (without running it); resolves to its size on disk. */
  download(id: string, task: string, options?: { signal?: AbortSignal; onProgress?: (p: JobProgress) => void }): Promise<number>;
  /** What downloading a model would fetch, in bytes, asking the Hub. */
  downloadSize(id: string, task: string, signal?: AbortSignal): Promise<number>;
  /** Deletes a model's files; false when none were there. */
  remove(id: string): Promise<boolean>;
  close(): Promise<void>;
}

/** The default memory budget of loaded models. */
export const DEFAULT_MEMORY_BUDGET_BYTES = 2e9;

/** Creates the runtime; its worker starts on the first job. */
export function createBuiltInRuntime(options: BuiltInRuntimeOptions): BuiltInRuntime {
  const worker = new BuiltInWorker({ memoryBudgetBytes: options.memoryBudgetBytes ?? DEFAULT_MEMORY_BUDGET_BYTES });
  const cacheDir = modelCacheDir(options.dataDir);
  const hub = (): HubConfig => {
    const { hubUrl, token } = options.settings().huggingface;
    return { hubUrl, cacheDir, token };
  };
  const checkTask = (task: string) => {
    if (!BUILT_IN_TASKS.has(task)) throw new InferenceError('invalid-input', `The built-in runtime does not run "${task}" tasks.`, { retriable: false });
  };
  const adapter: EndpointAdapter = {
    protocol: 'transformers.js',
    async run(call) {
      checkTask(call.task);
      modelFolder(cacheDir, call.model);
      const result = await worker.run({ type: 'run', hub: hub(), task: call.task, model: call.model, inputs: call.inputs }, call.signal, call.onProgress);
      return result.outputs ?? [];
    },
    async health(endpoint) {
      const models = endpoint.models.length;
      return { name: endpoint.name, ok: true, message: `built in: ${models} model(s), files from ${options.settings().huggingface.hubUrl}`, checkedAt: Date.now() };
    },
  };
  const runtime: BuiltInRuntime = {
    adapter,
    async list(listOptions = {}) {
      const rows: BuiltInModelView[] = [];
      for (const endpoint of options.settings().endpoints) {
        if (endpoint.protocol !== 'transformers.js') continue;
        for (const model of endpoint.models) {
          const row: BuiltInModelView = { endpoint: endpoint.name, id: model.id, task: model.task, bytesOnDisk: await folderBytes(modelFolder(cacheDir, model.id)) };
          if (listOptions.sizes) {
            await runtime.downloadSize(model.id, model.task).then(
              (bytes) => void (row.downloadBytes = bytes),
              (error: unknown) => void (row.sizeError = error instanceof Error ? error.message : String(error)),
            );
          }
          rows.push(row);
        }
      }
      return rows;
    },
    async download(id, task, opts = {}) {
      checkTask(task);
      modelFolder(cacheDir, id);
      return (await worker.run({ type: 'download', hub: hub(), task, model: id }, opts.signal, opts.onProgress)).bytes ?? 0;
    },
    async downloadSize(id, task, signal) {
      checkTask(task);
      return (await worker.run({ type: 'download-size', hub: hub(), task, model: id }, signal)).bytes ?? 0;
    },
    async remove(id) {
      worker.unload(id);
      return deleteModelFolder(cacheDir, id);
    },
    close: () => worker.close(),
  };
  return runtime;
}
