// engine.overheadMsPerNode: the engine's own time per node on a 500-node DAG whose model answers at once
// (an in-process runner with no I/O, an in-memory store), so only scheduling, events and bookkeeping count.
import type { PlanTask } from '../src-shared/plan';
import type { ResourceRef } from '../src-shared/resources';
import type { RunEvent } from '../src-shared/run-events';
import { executeGraph } from '../src-main/engine/executor/execute-graph';
import type { InferenceCall, ModelRunner, RawOutput, ResourceStore } from '../src-main/engine/inference';
import { log, median, round, type Bench, type BenchResult } from './support/figure';
import { criticalPathLength, randomDag } from './support/graphs';
import { BENCH_EXECUTION, routeTasks } from './support/loopback';

const NODES = 500;
const RUNS = 7;

/** Answers every call with one text output built from its input, synchronously (zero latency). */
const instantRunner: ModelRunner = {
  async run(call: InferenceCall): Promise<RawOutput[]> {
    const input = call.inputs.text;
    return [{ port: 'text', modality: 'text', text: `summary of ${input?.modality === 'text' ? input.text.length : 0} characters` }];
  },
};

/** A store that is never used by text-only graphs; it fails loudly if it is. */
const unusedStore: ResourceStore = {
  put: async () => { throw new Error('the overhead graph stores no files'); },
  read: async () => { throw new Error('the overhead graph reads no files'); },
  pathOf: (ref: ResourceRef) => `/nowhere/${ref.hash}`,
};

async function runOnce(tasks: PlanTask[]): Promise<{ ms: number; events: number }> {
  const { selections, targets } = routeTasks(tasks, 'http://127.0.0.1:1');
  let events = 0;
  const started = performance.now();
  const { summary } = await executeGraph({
    tasks, selections, targets, userResources: {}, execution: BENCH_EXECUTION,
    deps: { runner: instantRunner, store: unusedStore },
    onEvent: (_e: RunEvent) => void (events += 1),
  }).done;
  const ms = performance.now() - started;
  if (summary.status !== 'succeeded') throw new Error(`overhead graph ended ${summary.status}`);
  return { ms, events };
}

async function measure(): Promise<BenchResult> {
  const tasks = randomDag(NODES, 500);
  for (let i = 0; i < 2; i += 1) await runOnce(tasks); // warm-up (JIT)
  const runs: number[] = [];
  let events = 0;
  for (let i = 0; i < RUNS; i += 1) {
    const r = await runOnce(tasks);
    runs.push(r.ms);
    events = r.events;
  }
  const perNode = median(runs) / NODES;
  log(`engine overhead: ${NODES} nodes in ${median(runs).toFixed(1)} ms (median of ${RUNS}), ${perNode.toFixed(3)} ms per node`);
  return {
    figures: [{ name: 'engine.overheadMsPerNode', value: round(perNode, 4), unit: 'ms', target: { op: '<', limit: 1 }, note: `${NODES}-node random DAG, zero-latency in-process runner` }],
    details: { nodes: NODES, criticalPathTasks: criticalPathLength(tasks), eventsPerRun: events, runs: RUNS, runMs: runs.map((r) => round(r, 2)), execution: { maxParallel: BENCH_EXECUTION.maxParallel, maxPerEndpoint: BENCH_EXECUTION.maxPerEndpoint } },
  };
}

export const engineOverheadBench: Bench = { name: 'engine-overhead', run: measure };
