// cache.rerunCalls: model calls when a 10-task workflow runs again after one leaf's argument was edited
// (FsResultCache on disk, the real runner against the fake HF endpoint).
import type { PlanTask } from '../src-shared/plan';
import { SEED_PORT } from '../src-shared/seed';
import { findTaskType } from '../src-shared/tasks';
import { FsResultCache } from '../src-main/platform/fs-result-cache';
import { log, round, type Bench, type BenchResult } from './support/figure';
import { exampleGraph, INPUT_IMAGE, planTask } from './support/graphs';
import { startLoopback } from './support/loopback';

const EDITED_LEAF = 9;
const QUESTIONS = ['how many boats are there?', 'what colour is the lighthouse?', 'is it raining?'];

/** Pins the seed of generative tasks, as a user comparing edits does (unpinned, each run draws new images). */
const withPinnedSeeds = (tasks: PlanTask[]): PlanTask[] =>
  tasks.map((t) => (findTaskType(t.task)?.inputs.some((p) => p.name === SEED_PORT) ? { ...t, args: { ...t.args, [SEED_PORT]: '7' } } : t));

/** The README's example (5 tasks) and a second branch of 5: ten tasks, five of them leaves. */
function workflow(question: string): PlanTask[] {
  return withPinnedSeeds([
    ...exampleGraph(),
    planTask(5, 'image-classification', { image: INPUT_IMAGE }),
    planTask(6, 'depth-estimation', { image: INPUT_IMAGE }),
    planTask(7, 'image-segmentation', { image: '<resource>-6' }),
    planTask(8, 'text-to-image', { text: 'a lighthouse in a storm' }),
    planTask(EDITED_LEAF, 'visual-question-answering', { image: '<resource>-8', text: question }),
  ]);
}

async function measure(): Promise<BenchResult> {
  const tasks = workflow(QUESTIONS[0]);
  const loop = await startLoopback([...new Set(tasks.map((t) => t.task))]);
  try {
    const cache = new FsResultCache(loop.dataDir, (problem) => log(`cache problem: ${problem}`));
    const runWith = async (plan: PlanTask[]) => {
      const before = loop.hf.requests.length;
      const { outcome, wallMs } = await loop.run(plan, { deps: { cache } });
      const cached = Object.values(outcome.results).filter((r) => r.status === 'cached').length;
      return { calls: loop.hf.requests.length - before, cached, wallMs: round(wallMs, 1) };
    };
    const cold = await runWith(tasks);
    const unchanged = await runWith(tasks);
    const edits = [];
    for (const question of QUESTIONS.slice(1)) edits.push({ question, ...(await runWith(workflow(question))) });
    const rerunCalls = Math.max(...edits.map((e) => e.calls));
    log(`cache: cold ${cold.calls} calls, unchanged rerun ${unchanged.calls}, after editing leaf ${EDITED_LEAF}: ${edits.map((e) => e.calls).join(', ')}`);
    return {
      figures: [{ name: 'cache.rerunCalls', value: rerunCalls, unit: 'calls', target: { op: '<=', limit: 1 }, note: `10-task workflow, leaf ${EDITED_LEAF} (VQA question) edited; worst of ${edits.length} edits` }],
      details: { tasks: tasks.length, cold, unchangedRerun: unchanged, editedLeaf: EDITED_LEAF, edits, cache: 'FsResultCache in a temporary data folder' },
    };
  } finally {
    await loop.close();
  }
}

export const cacheRerunBench: Bench = { name: 'cache-rerun', run: measure };
