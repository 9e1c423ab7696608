// `hugginggpt models`: the model catalog as the selector sees it
import type { Candidate } from '../../../src-shared/selection';
import type { Settings } from '../../../src-shared/settings';
import { findTaskType, knownTaskNames, TASK_TYPES, type TaskTypeSpec } from '../../../src-shared/tasks';
import type { CatalogModel } from '../../engine/selector/catalog-model';
import { rankCandidates, unavailableReason } from '../../engine/selector/candidates';
import { canonicalTask } from '../../engine/selector/endpoints';
import { CatalogError, loadCatalog } from '../../platform/catalog-file';
import { refreshCatalog } from '../../platform/hub-catalog';
import { UsageError } from '../args';
import type { Command } from '../command';
import { createBuiltInRuntime } from '../../platform/endpoints/transformers-js/builtin-runtime';
import type { BuiltInModelView } from '../../../src-shared/built-in-models';
import { builtInSection, manageBuiltInModel } from './builtin-models';
import type { CliContext } from '../context';

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}

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

function showTask(context: CliContext, spec: TaskTypeSpec, catalog: CatalogModel[], settings: Settings, json: boolean): number {
  const candidates = rankCandidates(spec.type, catalog, settings);
  const topK = settings.selection.topK;
  const unavailable = candidates.length === 0 ? unavailableReason(spec.type, catalog, settings) : undefined;
  const llmItself = Boolean(spec.llmCapable && settings.selection.llmDoesTextTasks);
  if (json) {
    context.io.out(`${JSON.stringify({ task: spec.type, mode: settings.execution.mode, topK, llmDoesTask: llmItself, candidates, unavailable }, null, 2)}\n`);
    return 0;
  }
  const lines = [`${spec.type} (${settings.execution.mode} mode): ${candidates.length} candidate(s); the top ${topK} go to the LLM`];
  if (llmItself) lines.push('note: this text-only task is done by the controlling LLM itself (selection.llmDoesTextTasks)');
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

function showSummary(context: CliContext, catalog: CatalogModel[], source: string, settings: Settings, json: boolean, builtIn: BuiltInModelView[]): number {
  const tasks = TASK_TYPES.map((spec) => {
    const candidates = rankCandidates(spec.type, catalog, settings);
    return {
      task: spec.type,
      runtime: spec.runtime,
      catalog: catalog.filter((m) => canonicalTask(m.task) === spec.type).length,
      candidates: candidates.length,
      endpoints: [...new Set(candidates.map((c) => c.endpoint))],
    };
  });
  if (json) {
    context.io.out(`${JSON.stringify({ mode: settings.execution.mode, source, catalogSize: catalog.length, tasks, builtIn }, null, 2)}\n`);
    return 0;
  }
  const width = Math.max(...tasks.map((t) => t.task.length));
  const lines = [`${catalog.length} models in the catalog (${source}); candidates in ${settings.execution.mode} mode:`, ''];
  lines.push(`${'task'.padEnd(width)}  catalog  candidates  endpoints`);
  for (const t of tasks) {
    lines.push(`${t.task.padEnd(width)}  ${String(t.catalog).padStart(7)}  ${String(t.candidates).padStart(10)}  ${t.endpoints.join(', ') || '-'}`);
  }
  context.io.out(`${lines.join('\n')}\n${builtInSection(builtIn)}`);
  return 0;
}

export const modelsCommand: Command = {
  name: 'models',
  usage: 'hugginggpt models [--task TASK] [--json] [--refresh] [--sizes] [--download ID [--task TASK]] [--delete ID]',
  summary: 'the model catalog as the selector sees it',
  options: {
    json: { type: 'boolean' }, task: { type: 'string' }, refresh: { type: 'boolean' },
    sizes: { type: 'boolean' }, download: { type: 'string' }, delete: { type: 'string' },
  },
  async run(args, context) {
    if (args.positionals.length > 0) throw new UsageError(`unexpected argument "${args.positionals[0]}" (use --task TASK)`);
    const managed = await manageBuiltInModel(context, args.values);
    if (managed !== undefined) return managed;
    const settings = context.settings();
    const spec = typeof args.values.task === 'string' ? requireTaskType(args.values.task) : undefined;
    if (args.values.refresh) {
      const { hubUrl, token } = settings.huggingface;
      context.io.err(`refreshing the model catalog from ${hubUrl} ...\n`);
      try {
        const { count } = await refreshCatalog({ hubUrl, token, dataDir: context.dataDir });
        context.io.err(`refreshed ${count} models from ${hubUrl}\n`);
      } catch (error) {
        if (!(error instanceof CatalogError)) throw error;
        context.io.err(`hugginggpt: catalog refresh failed: ${error.message}\n`);
        return 1;
      }
    }
    const loaded = loadCatalog(context.dataDir);
    if (loaded.warning) context.io.err(`warning: ${loaded.warning}\n`);
    const json = Boolean(args.values.json);
    if (spec) return showTask(context, spec, loaded.models, settings, json);
    const runtime = createBuiltInRuntime({ dataDir: context.dataDir, settings: () => settings });
    try {
      return showSummary(context, loaded.models, loaded.source, settings, json, await runtime.list({ sizes: Boolean(args.values.sizes) }));
    } finally {
      await runtime.close();
    }
  },
};
