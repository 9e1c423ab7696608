// scheduler.ratio: a run's wall time over its critical path's latency, with real HTTP to the fake HF endpoint.
import type { PlanTask } from '../src-shared/plan';
import { log, median, round, type Bench, type BenchResult } from './support/figure';
import { chain, criticalPathLength, exampleGraph, fanOut, randomDag } from './support/graphs';
import { BENCH_EXECUTION, startLoopback } from './support/loopback';

/** Latency of every fake model call. */
export const ENDPOINT_LATENCY_MS = 200;
const RUNS = 3;
const RANDOM_SEEDS = [1, 2, 3];

const cases = (): Array<{ name: string; tasks: PlanTask[] }> => [
  { name: 'chain-8', tasks: chain(8) },
  { name: 'fan-out-8', tasks: fanOut(8) },
  { name: 'example', tasks: exampleGraph() },
  ...RANDOM_SEEDS.map((seed) => ({ name: `random-50-seed${seed}`, tasks: randomDag(50, seed) })),
];

/** Runs every graph RUNS times (after one warm-up run of all) and keeps the worst median ratio. */
async function measure(): Promise<BenchResult> {
  const all = cases();
  const types = [...new Set(all.flatMap((c) => c.tasks.map((t) => t.task)))];
  const loop = await startLoopback(types);
  try {
    loop.hf.setLatency(0);
    for (const c of all) await loop.run(c.tasks); // warm-up: module loading, connections, store folders
    loop.hf.setLatency(ENDPOINT_LATENCY_MS);
    const perCase: Record<string, unknown>[] = [];
    for (const c of all) {
      const depth = criticalPathLength(c.tasks);
      const criticalMs = depth * ENDPOINT_LATENCY_MS;
      const walls: number[] = [];
      let peakInFlight = 0;
      for (let i = 0; i < RUNS; i += 1) {
        const before = loop.hf.requests.length;
        const { wallMs } = await loop.run(c.tasks);
        walls.push(wallMs);
        if (loop.hf.requests.length - before !== c.tasks.length) throw new Error(`${c.name}: expected ${c.tasks.length} model calls`);
        peakInFlight = Math.max(peakInFlight, loop.hf.maxInFlight);
      }
      const wallMs = median(walls);
      const ratio = wallMs / criticalMs;
      log(`scheduler ${c.name}: ${c.tasks.length} tasks, critical path ${depth} x ${ENDPOINT_LATENCY_MS} ms, wall ${wallMs.toFixed(0)} ms, ratio ${ratio.toFixed(3)}`);
      perCase.push({ graph: c.name, tasks: c.tasks.length, criticalPathTasks: depth, criticalPathMs: criticalMs, wallMsMedian: round(wallMs, 1), wallMsRuns: walls.map((w) => round(w, 1)), ratio: round(ratio) });
    }
    const worst = Math.max(...perCase.map((c) => c.ratio as number));
    return {
      figures: [{ name: 'scheduler.ratio', value: worst, unit: 'x', target: { op: '<=', limit: 1.1 }, note: 'worst graph; wall / (critical path tasks x latency)' }],
      details: {
        endpointLatencyMs: ENDPOINT_LATENCY_MS,
        runsPerGraph: RUNS,
        execution: { maxParallel: BENCH_EXECUTION.maxParallel, maxPerEndpoint: BENCH_EXECUTION.maxPerEndpoint, retries: BENCH_EXECUTION.retries },
        runner: 'createHfModelRunner (@huggingface/inference) -> fake HF on 127.0.0.1; fs resource store',
        cases: perCase,
      },
    };
  } finally {
    await loop.close();
  }
}

export const schedulerBench: Bench = { name: 'scheduler', run: measure };
