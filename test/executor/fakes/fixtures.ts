// Builders for executor test inputs: tasks, selections, targets and recorded events.
import type { PlanTask } from '../../../src-shared/plan';
import type { RunEvent } from '../../../src-shared/run-events';
import { defaultSettings } from '../../../src-shared/settings';
import { LLM_ENDPOINT, type Selections } from '../../../src-shared/selection';
import type { ExecuteDeps, ExecuteInput, TaskTargets } from '../../../src-main/engine/executor/types';
import { MemoryStore } from './memory-store';
import { ScriptedRunner } from './scripted-runner';

/** A plan task; `dep` defaults to the references found in `args`, or [-1]. */
export function task(id: number, name: string, args: Record<string, string>, dep?: number[]): PlanTask {
  const refs = Object.values(args).flatMap((v) => [...v.matchAll(/<resource>-(\d+)/g)].map((m) => Number(m[1])));
  return { id, task: name, args, dep: dep ?? (refs.length > 0 ? [...new Set(refs)] : [-1]) };
}

/** The model name the fixtures choose for a task: `m/<task>-<id>`. */
export const modelOf = (t: PlanTask): string => `m/${t.task}-${t.id}`;

/** Selections on Hugging Face for every task (or on the LLM for ids in `byLlm`). */
export function selectionsFor(tasks: PlanTask[], byLlm: number[] = []): Selections {
  const out: Selections = {};
  for (const t of tasks) {
    const llm = byLlm.includes(t.id);
    out[t.id] = { taskId: t.id, model: llm ? 'gpt-test' : modelOf(t), endpoint: llm ? LLM_ENDPOINT : 'huggingface', reason: 'test', method: 'user' };
  }
  return out;
}

/** Cloud targets for every task. */
export function cloudTargets(tasks: PlanTask[]): Record<number, TaskTargets> {
  return Object.fromEntries(tasks.map((t) => [t.id, { primary: { kind: 'huggingface', provider: 'auto' } }]));
}

/** A test harness: fakes, the sleeps asked for, and the events received. */
export interface Harness {
  runner: ScriptedRunner;
  store: MemoryStore;
  sleeps: number[];
  events: RunEvent[];
  deps: ExecuteDeps;
}

export function harness(): Harness {
  const runner = new ScriptedRunner();
  const store = new MemoryStore();
  const sleeps: number[] = [];
  const sleep = async (ms: number) => {
    sleeps.push(ms);
  };
  // A fixed "random" seed, so that generative tasks (text-to-image, ...) are cached as other tasks are.
  return { runner, store, sleeps, events: [], deps: { runner, store, sleep, randomSeed: () => 1234 } };
}

/** A full ExecuteInput for `tasks` with the harness's fakes; `extra` overrides any field. */
export function inputFor(
  h: Harness,
  tasks: PlanTask[],
  extra: Omit<Partial<ExecuteInput>, 'execution'> & { execution?: Partial<ExecuteInput['execution']> } = {},
): ExecuteInput {
  const execution = { ...defaultSettings().execution, ...(extra.execution ?? {}) };
  return {
    tasks,
    selections: selectionsFor(tasks),
    targets: cloudTargets(tasks),
    userResources: {},
    onEvent: (e) => h.events.push(e),
    ...extra,
    execution,
    deps: { ...h.deps, ...(extra.deps ?? {}) },
  };
}

/** Events as short strings: `node-succeeded:2`, `run-finished`. */
export const trace = (events: RunEvent[]): string[] => events.map((e) => ('taskId' in e ? `${e.type}:${e.taskId}` : e.type));

/** Events of one task, as types. */
export const eventsOf = (events: RunEvent[], taskId: number): string[] =>
  events.filter((e) => 'taskId' in e && e.taskId === taskId).map((e) => e.type);
