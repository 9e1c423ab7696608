// How `run` and `workflow run` report: progress lines on stderr, and the JSON document of DESIGN.md.
import type { PlanIssue } from '../../src-shared/contract';
import { isFileOutput, outputFileName } from '../../src-shared/output-names';
import { isSuccess } from '../../src-shared/run-events';
import type { PlanTask, Usage } from '../../src-shared/plan';
import type { TaskOutput } from '../../src-shared/resources';
import type { RunEvent } from '../../src-shared/run-events';
import type { Selections } from '../../src-shared/selection';
import type { NodeResult, RunOutcome } from '../engine/executor/types';
import { outputKey, type WrittenOutputs } from './output-folder';

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)}s`;

/** The plan and model choices, for the terminal. */
export function describePlan(tasks: PlanTask[], selections: Selections): string {
  const lines = [`plan (${tasks.length} task${tasks.length === 1 ? '' : 's'}):`];
  for (const t of tasks) {
    const args = Object.entries(t.args).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(' ');
    const deps = t.dep.filter((d) => d >= 0);
    const s = selections[t.id];
    lines.push(`  ${t.id} ${t.task} ${args}${deps.length ? ` (after ${deps.join(', ')})` : ''}`);
    lines.push(s ? `      model ${s.model} on ${s.endpoint}: ${s.reason}` : '      no model available');
  }
  return `${lines.join('\n')}\n`;
}

/** Outputs for a progress line: files by their readable name, texts quoted and cut. */
function outputSummary(taskId: number, outputs: TaskOutput[]): string {
  return outputs.map((o) => (isFileOutput(o) ? outputFileName(taskId, o, outputs) : JSON.stringify((o.text ?? '').slice(0, 80)))).join(', ');
}

/** One progress line per event that changes a node (or undefined). */
export function progressLine(event: RunEvent, tasks: Map<number, PlanTask>): string | undefined {
  const name = (id: number) => `task ${id} ${tasks.get(id)?.task ?? ''}`.trimEnd();
  switch (event.type) {
    case 'node-started': return `${name(event.taskId)}: running ${event.model} on ${event.endpoint}${event.attempt > 1 ? ` (attempt ${event.attempt})` : ''}`;
    case 'node-progress': return `${name(event.taskId)}: ${event.message}`;
    case 'node-log': return `${name(event.taskId)}: ${event.message}`;
    case 'node-succeeded': return `${name(event.taskId)}: succeeded in ${seconds(event.durationMs)} -> ${outputSummary(event.taskId, event.outputs)}`;
    case 'node-cached': return `${name(event.taskId)}: cached -> ${outputSummary(event.taskId, event.outputs)}`;
    case 'node-failed': return `${name(event.taskId)}: failed (${event.error.kind}${event.error.status ? ` ${event.error.status}` : ''}): ${event.error.message}`;
    case 'node-invalid': return `${name(event.taskId)}: invalid: ${event.error.message}`;
    case 'node-skipped': return `${name(event.taskId)}: skipped: ${event.reason}`;
    case 'node-cancelled': return `${name(event.taskId)}: cancelled`;
    case 'run-finished': return `run ${event.runId} ${event.summary.status} in ${seconds(event.summary.durationMs)}`;
    default: return undefined;
  }
}

/** A node's result as `results[id]` of the JSON document; a file's `path` is its readable copy when one was written. */
function resultJson(taskId: number, result: NodeResult, written?: WrittenOutputs) {
  type OutputJson = { port: string; modality: TaskOutput['modality']; path?: string; stored?: string; text?: string };
  const fileOf = (o: TaskOutput): OutputJson => {
    const copy = written?.get(outputKey(taskId, o.port));
    return copy ? { port: o.port, modality: o.modality, path: copy, stored: o.path } : { port: o.port, modality: o.modality, path: o.path };
  };
  return {
    status: result.status,
    outputs: result.outputs.map((o): OutputJson => (o.path ? fileOf(o) : { port: o.port, modality: o.modality, text: o.text })),
    error: result.error ?? null,
    model: result.model ?? null,
    endpoint: result.endpoint ?? null,
    timings: { startedAt: result.startedAt ?? null, durationMs: result.durationMs ?? null },
    attempts: result.attempts.length,
  };
}

/** The `run --json` document. */
export function runJson(input: { tasks: PlanTask[]; selections: Selections; outcome?: RunOutcome; response: string; usage: Usage; issues?: PlanIssue[]; written?: WrittenOutputs }) {
  const results: Record<number, ReturnType<typeof resultJson>> = {};
  for (const t of input.tasks) {
    const r = input.outcome?.results[t.id];
    if (r) results[t.id] = resultJson(t.id, r, input.written);
  }
  const selections: Record<number, { model: string; endpoint: string; reason: string }> = {};
  for (const [id, s] of Object.entries(input.selections)) selections[Number(id)] = { model: s.model, endpoint: s.endpoint, reason: s.reason };
  return {
    runId: input.outcome?.runId ?? null,
    tasks: input.tasks.map(({ id, task, dep, args }) => ({ id, task, dep, args })),
    selections,
    results,
    response: input.response,
    usage: input.usage,
    ...(input.outcome?.recordError ? { recordError: input.outcome.recordError } : {}),
    ...(input.issues?.length ? { issues: input.issues } : {}),
  };
}

/** Exit code of a run: 0 when every task succeeded (or came from the cache), 1 otherwise. */
export function runExitCode(tasks: PlanTask[], outcome: RunOutcome | undefined): number {
  if (!outcome) return tasks.length === 0 ? 0 : 1;
  return tasks.every((t) => isSuccess(outcome.results[t.id]?.status)) ? 0 : 1;
}

/** One line per task with its status, outputs and error, for the terminal when there is no response to show. */
export function describeResults(tasks: PlanTask[], outcome: RunOutcome | undefined): string {
  return tasks
    .map((t) => {
      const r = outcome?.results[t.id];
      const outputs = r?.outputs.length ? ` -> ${r.outputs.map((o) => o.path ?? o.text).join(', ')}` : '';
      return `task ${t.id} ${t.task}: ${r?.status ?? 'not run'}${outputs}${r?.error ? ` (${r.error.message})` : ''}\n`;
    })
    .join('');
}
