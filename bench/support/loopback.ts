// Runs plans with the real engine pieces over loopback: executeGraph, the real Hugging Face runner
// (@huggingface/inference) against the fake Hub (provider mappings) and router, the fs resource store,
// optionally FsResultCache.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PlanTask } from '../../src-shared/plan';
import type { ResourceRef } from '../../src-shared/resources';
import { HUGGINGFACE_ENDPOINT, type Selections } from '../../src-shared/selection';
import { defaultSettings, type Settings } from '../../src-shared/settings';
import { findTaskType } from '../../src-shared/tasks';
import { executeGraph } from '../../src-main/engine/executor/execute-graph';
import type { ExecuteDeps, RunOutcome, TaskTargets } from '../../src-main/engine/executor/types';
import type { ResourceStore } from '../../src-main/engine/inference';
import { createFsResourceStore } from '../../src-main/platform/fs-resource-store';
import { anyProviderCanServe } from '../../src-main/platform/inference/cloud-routes';
import { createHfModelRunner } from '../../src-main/platform/inference/hf-model-runner';
import { startFakeHf, type FakeHf, type FakeModelBehaviour } from '../../test/support/fake-hf';
import { tinyPng } from '../../test/support/fake-hf-media';
import { hubModelsOf } from '../../test/support/fake-cloud';
import { startFakeHub, type FakeHub } from '../../test/support/fake-hub';
import { INPUT_IMAGE } from './graphs';

/** The endpoint name under which local-only tasks (ControlNet) run on the fake. */
export const LOCAL_ENDPOINT = 'bench-local';

/** Limits high enough that no graph here waits for a slot: the scheduler alone decides the timing. */
export const BENCH_EXECUTION: Settings['execution'] = { ...defaultSettings().execution, maxParallel: 64, maxPerEndpoint: 64, retries: 0, timeoutMs: 60_000 };

/** The model the benchmarks pick for a task type. */
export const modelFor = (task: string): string => `bench/${task}`;

/** ControlNet types, and types no Inference Provider serves (depth-estimation, ...), run on the local endpoint. */
const isLocalOnly = (task: string): boolean => findTaskType(task)?.runtime !== 'inference' || !anyProviderCanServe(task);

/** A fake HF router and Hub, a temporary data folder with a store, and the real runner pointed at the fakes. */
export interface Loopback {
  hf: FakeHf;
  hub: FakeHub;
  /** Serves `id` for `task`: the router answers it and the Hub maps it live on hf-inference. */
  serveModel(id: string, task: string): void;
  dataDir: string;
  store: ResourceStore;
  deps: ExecuteDeps;
  userResources: Record<string, ResourceRef>;
  /** Runs `tasks` with one model per task type and returns the outcome and its wall time. */
  run(tasks: PlanTask[], extra?: { execution?: Partial<Settings['execution']>; deps?: Partial<ExecuteDeps> }): Promise<{ outcome: RunOutcome; wallMs: number }>;
  close(): Promise<void>;
}

/** Selections and targets for `tasks`: cloud where a provider can serve the type, the local endpoint otherwise. */
export function routeTasks(tasks: PlanTask[], hfUrl: string): { selections: Selections; targets: Record<number, TaskTargets> } {
  const selections: Selections = {};
  const targets: Record<number, TaskTargets> = {};
  for (const t of tasks) {
    const local = isLocalOnly(t.task);
    const model = modelFor(t.task);
    selections[t.id] = { taskId: t.id, model, endpoint: local ? LOCAL_ENDPOINT : HUGGINGFACE_ENDPOINT, reason: 'benchmark', method: 'user' };
    targets[t.id] = { primary: local ? { kind: 'endpoint', protocol: 'hf', endpoint: LOCAL_ENDPOINT, url: `${hfUrl}/models/${model}` } : { kind: 'huggingface', provider: 'auto' } };
  }
  return { selections, targets };
}

/** Starts the fake with a model for each of `taskTypes` (behaviour overrides per type) and a data folder. */
export async function startLoopback(taskTypes: string[], behaviours: Record<string, Partial<FakeModelBehaviour>> = {}): Promise<Loopback> {
  const models = Object.fromEntries(taskTypes.map((task) => [modelFor(task), { task, ...behaviours[task] }]));
  const hf = await startFakeHf({ models });
  const hub = await startFakeHub(hubModelsOf(Object.entries(models).map(([id, m]) => ({ id, task: m.task }))));
  const dataDir = await mkdtemp(join(tmpdir(), 'hugginggpt-bench-'));
  const store = createFsResourceStore(dataDir);
  const runner = createHfModelRunner({ hubUrl: hub.url, routerUrl: hf.url, token: 'hf_bench' });
  const deps: ExecuteDeps = { runner, store };
  const userResources = { [INPUT_IMAGE]: await store.put(tinyPng(64, 64, [200, 120, 40]), { name: INPUT_IMAGE }) };
  return {
    hf,
    hub,
    serveModel(id, task) {
      hf.addModel(id, { task });
      hub.addModel(hubModelsOf([{ id, task }])[0]);
    },
    dataDir,
    store,
    deps,
    userResources,
    async run(tasks, extra = {}) {
      const { selections, targets } = routeTasks(tasks, hf.url);
      const started = performance.now();
      const handle = executeGraph({
        tasks,
        selections,
        targets,
        userResources,
        execution: { ...BENCH_EXECUTION, ...extra.execution },
        deps: { ...deps, ...extra.deps },
      });
      const outcome = await handle.done;
      const wallMs = performance.now() - started;
      if (outcome.summary.status !== 'succeeded') {
        const failed = Object.entries(outcome.results).find(([, r]) => r.status !== 'succeeded' && r.status !== 'cached');
        throw new Error(`benchmark run did not succeed: task ${failed?.[0]} ${failed?.[1].status}: ${failed?.[1].error?.message ?? failed?.[1].reason}`);
      }
      return { outcome, wallMs };
    },
    async close() {
      await hf.close();
      await hub.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
