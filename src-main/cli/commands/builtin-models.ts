// The built-in runtime's models in `hugginggpt models`: listed with their endpoint and size on disk (and,
// with --sizes, what a download would fetch, asked of the Hub), pre-fetched with --download, deleted with --delete.
import { findTaskType } from '../../../src-shared/tasks';
import type { Settings } from '../../../src-shared/settings';
import { InferenceError } from '../../engine/inference';
import { createBuiltInRuntime } from '../../platform/endpoints/transformers-js/builtin-runtime';
import { formatBytes, type BuiltInModelView } from '../../../src-shared/built-in-models';
import { UsageError } from '../args';
import type { CliContext } from '../context';
import { progressBar } from '../progress-bar';

/** The built-in section of `hugginggpt models`. */
export function builtInSection(rows: BuiltInModelView[]): string {
  if (rows.length === 0) return 'No built-in models (no enabled endpoint with protocol "transformers.js").\n';
  const table = rows.map((r) => [r.endpoint, r.id, r.task, r.bytesOnDisk > 0 ? formatBytes(r.bytesOnDisk) : 'not downloaded',
    r.downloadBytes !== undefined ? formatBytes(r.downloadBytes) : r.sizeError ? 'unknown' : '']);
  const header = ['endpoint', 'model', 'task', 'on disk', rows.some((r) => r.downloadBytes !== undefined || r.sizeError) ? 'download' : ''];
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((r) => r[i].length)));
  const format = (r: string[]) => r.map((cell, i) => cell.padEnd(widths[i])).join('  ').trimEnd();
  return `\nBuilt-in models (transformers.js, run in the app; files in the data folder's models/):\n${[header, ...table].map(format).join('\n')}\n`;
}

function taskFor(id: string, settings: Settings, task: unknown): string {
  if (typeof task === 'string') {
    const spec = findTaskType(task);
    if (!spec) throw new UsageError(`unknown task "${task}"`);
    return spec.type;
  }
  const declared = settings.endpoints.filter((e) => e.protocol === 'transformers.js').flatMap((e) => e.models).find((m) => m.id === id);
  if (!declared) throw new UsageError(`"${id}" is not a model of a built-in endpoint; add --task TASK to download it anyway`);
  return findTaskType(declared.task)?.type ?? declared.task;
}

/** `--download ID` / `--delete ID`; undefined when neither was asked. */
export async function manageBuiltInModel(context: CliContext, values: Record<string, unknown>): Promise<number | undefined> {
  const download = values.download, remove = values.delete;
  if (download === undefined && remove === undefined) return undefined;
  if (download !== undefined && remove !== undefined) throw new UsageError('use --download or --delete, not both');
  const settings = context.settings();
  const runtime = createBuiltInRuntime({ dataDir: context.dataDir, settings: () => settings });
  const { io } = context;
  try {
    if (typeof remove === 'string') {
      const had = await runtime.list().then((rows) => rows.find((r) => r.id === remove)?.bytesOnDisk ?? 0);
      const deleted = await runtime.remove(remove);
      io.err(deleted ? `deleted ${remove}${had ? ` (${formatBytes(had)})` : ''}\n` : `${remove} was not downloaded\n`);
      return 0;
    }
    const id = String(download);
    const task = taskFor(id, settings, values.task);
    io.err(`downloading ${id} (${task}) from ${settings.huggingface.hubUrl} ...\n`);
    const controller = new AbortController();
    const onSignal = () => controller.abort();
    process.once('SIGINT', onSignal);
    try {
      const bytes = await runtime.download(id, task, {
        signal: controller.signal,
        onProgress: (p) => io.err(io.interactive ? `\r${p.message} ${progressBar(p.fraction ?? 0)}\u001b[K` : ''),
      });
      io.err(`${io.interactive ? '\n' : ''}downloaded ${id}: ${formatBytes(bytes)} on disk\n`);
      return 0;
    } catch (error) {
      if (!(error instanceof InferenceError)) throw error;
      io.err(`${io.interactive ? '\n' : ''}hugginggpt: download failed: ${error.message}\n`);
      return 1;
    } finally {
      process.off('SIGINT', onSignal);
    }
  } finally {
    await runtime.close();
  }
}
