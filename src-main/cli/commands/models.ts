// `hugginggpt models`: the model catalog as the selector sees it
import { editDistance } from '../../../src-shared/edit-distance';
import type { Candidate } from '../../../src-shared/selection';
import type { Settings } from '../../../src-shared/settings';
import { findTaskType, knownTaskNames, TASK_TYPES, type TaskTypeSpec } from '../../../src-shared/tasks';
import { taskCandidates } from '../../engine/selector/servable-candidates';
import { canonicalTask } from '../../engine/selector/endpoints';
import { CatalogError, loadCatalog, type LoadedCatalog } from '../../platform/catalog-file';
import { refreshCatalog } from '../../platform/hub-catalog';
import { providersServeTaskType } from '../../platform/inference/cloud-availability';
import { UsageError, type ParsedArgs } from '../args';
import { createBuiltInRuntime } from '../../platform/endpoints/transformers-js/builtin-runtime';
import type { BuiltInModelView } from '../../../src-shared/built-in-models';
import { builtInSection, manageBuiltInModel } from './builtin-models';
import type { CliContext } from '../context';

/** Up to three known task names close to `name` (by spelling, or containing it). */
export function suggestTaskNames(name: string): string[] {
  const wanted = name.trim().toLowerCase();
  return knownTaskNames()
    .map((known) => ({ known, score: known.includes(wanted) || wanted.includes(known) ? 0 : editDistance(wanted, known) }))
    .filter((s) => s.score <= Math.max(3, Math.floor(wanted.length / 3)))
    .sort((a, b) => a.score - b.score || a.known.localeCompare(b.known))
    .slice(0, 3)
    .map((s) => s.known);
}

const formatCount = (n: number): string => n.toLocaleString('en-US');

/** The task type named `task`; an unknown name is bad usage, with suggestions. */
function requireTaskType(task: string): TaskTypeSpec {
  const spec = findTaskType(task);
  if (spec) return spec;
  const suggestions = suggestTaskNames(task);
  const hint = suggestions.length ? `did you mean: ${suggestions.join(', ')}?` : 'run `hugginggpt models` to list the task types';
  throw new UsageError(`unknown task "${task}" (${hint})`);
}

/** Where the catalog's figures come from, in words. */
const figuresNote = (loaded: LoadedCatalog): string =>
  loaded.figures === 'hub' ? 'downloads as the Hub reported them' : 'downloads are rough estimates, not Hub figures';

function showTask(context: CliContext, spec: TaskTypeSpec, loaded: LoadedCatalog, settings: Settings, json: boolean): number {
  const catalog = loaded.models;
  const taskServed = (type: string) => providersServeTaskType(type, loaded.noCloudProvider);
  const { candidates, reason: unavailable } = taskCandidates(spec.type, catalog, settings, { taskServed });
  const topK = settings.selection.topK;
  const llmItself = Boolean(spec.llmCapable && settings.selection.llmDoesTextTasks);
  const noCloudProvider = spec.runtime === 'inference' && !taskServed(spec.type);
  if (json) {
    const doc = { task: spec.type, mode: settings.execution.mode, topK, llmDoesTask: llmItself, noCloudProvider, figures: loaded.figures, candidates, unavailable };
    context.io.out(`${JSON.stringify(doc, null, 2)}\n`);
    return 0;
  }
  const lines = [`${spec.type} (${settings.execution.mode} mode): ${candidates.length} candidate(s); the top ${topK} go to the LLM`];
  if (llmItself) lines.push('note: this text-only task is done by the controlling LLM itself (selection.llmDoesTextTasks)');
  if (noCloudProvider) lines.push(`note: no Inference Provider serves "${spec.type}" today; only what your endpoints serve can run it`);
  else lines.push(`note: ${figuresNote(loaded)}; each cloud candidate's provider is checked on the Hub before selection`);
  if (unavailable) lines.push(unavailable);
  const rows = candidates.map((c: Candidate) => [String(c.rank) + (c.rank <= topK ? '*' : ''), c.id, c.endpoint, formatCount(c.downloads), c.description]);
  if (rows.length) {
    const header = ['rank', 'model', 'endpoint', 'downloads', 'description'];
    const widths = header.slice(0, 4).map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    const format = (r: string[]) => [...r.slice(0, 4).map((cell, i) => (i === 3 ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))), r[4]].join('  ');
    lines.push('', format(header), ...rows.map(format));
  }
  context.io.out(`${lines.join('\n')}\n`);
  return 0;
}

function showSummary(context: CliContext, loaded: LoadedCatalog, settings: Settings, json: boolean, builtIn: BuiltInModelView[]): number {
  const { models: catalog, source } = loaded;
  const noProvider = new Set(loaded.noCloudProvider);
  const taskServed = (type: string) => providersServeTaskType(type, loaded.noCloudProvider);
  const tasks = TASK_TYPES.map((spec) => {
    const { candidates } = taskCandidates(spec.type, catalog, settings, { taskServed });
    return {
      task: spec.type,
      runtime: spec.runtime,
      catalog: catalog.filter((m) => canonicalTask(m.task) === spec.type).length,
      candidates: candidates.length,
      endpoints: [...new Set(candidates.map((c) => c.endpoint))],
      ...(noProvider.has(spec.type) ? { noCloudProvider: true } : {}),
    };
  });
  if (json) {
    context.io.out(`${JSON.stringify({ mode: settings.execution.mode, source, figures: loaded.figures, catalogSize: catalog.length, tasks, builtIn }, null, 2)}\n`);
    return 0;
  }
  const width = Math.max(...tasks.map((t) => t.task.length));
  const lines = [`${catalog.length} models in the catalog (${source}; ${figuresNote(loaded)}); candidates in ${settings.execution.mode} mode:`, ''];
  lines.push(`${'task'.padEnd(width)}  catalog  candidates  endpoints`);
  for (const t of tasks) {
    const note = t.noCloudProvider ? '  (no cloud provider at the last refresh)' : '';
    lines.push(`${t.task.padEnd(width)}  ${String(t.catalog).padStart(7)}  ${String(t.candidates).padStart(10)}  ${t.endpoints.join(', ') || '-'}${note}`);
  }
  context.io.out(`${lines.join('\n')}\n${builtInSection(builtIn)}`);
  return 0;
}

/** Runs `hugginggpt models` (its usage and options: specs.ts). */
export async function run(args: ParsedArgs, context: CliContext): Promise<number> {
  if (args.positionals.length > 0) throw new UsageError(`unexpected argument "${args.positionals[0]}" (use --task TASK)`);
  const managed = await manageBuiltInModel(context, args.values);
  if (managed !== undefined) return managed;
  const settings = context.settings();
  const spec = typeof args.values.task === 'string' ? requireTaskType(args.values.task) : undefined;
  if (args.values.refresh) {
    const { hubUrl, token } = settings.huggingface;
    context.io.err(`refreshing the model catalog from ${hubUrl} ...\n`);
    try {
      const { count, noCloudProvider } = await refreshCatalog({ hubUrl, token, dataDir: context.dataDir });
      context.io.err(`refreshed ${count} models with a live Inference Provider from ${hubUrl}\n`);
      if (noCloudProvider.length) context.io.err(`no cloud provider for: ${noCloudProvider.join(', ')}\n`);
    } catch (error) {
      if (!(error instanceof CatalogError)) throw error;
      context.io.err(`hugginggpt: catalog refresh failed: ${error.message}\n`);
      return 1;
    }
  }
  const loaded = loadCatalog(context.dataDir);
  if (loaded.warning) context.io.err(`warning: ${loaded.warning}\n`);
  const json = Boolean(args.values.json);
  if (spec) return showTask(context, spec, loaded, settings, json);
  const runtime = createBuiltInRuntime({ dataDir: context.dataDir, settings: () => settings });
  try {
    return showSummary(context, loaded, settings, json, await runtime.list({ sizes: Boolean(args.values.sizes) }));
  } finally {
    await runtime.close();
  }
}
