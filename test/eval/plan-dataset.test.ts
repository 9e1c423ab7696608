// LLM mode's runner: bounded concurrency, results in dataset order, failures recorded instead of thrown.
import { describe, expect, it } from 'vitest';
import { planDataset, type PlanOutcome } from '../../src-main/engine/eval/plan-dataset';
import type { EvalItem, EvalPrediction } from '../../src-main/engine/eval/dataset';

const items: EvalItem[] = Array.from({ length: 7 }, (_, i) => ({ id: `r${i}`, type: 'single', request: `request ${i}`, tasks: [] }));

/** A plan function whose calls finish only when the test releases them, so concurrency is observable. */
function controlledPlanner() {
  const pending: Array<{ request: string; finish: () => void }> = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const plan = (request: string) =>
    new Promise<PlanOutcome>((resolve, reject) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      pending.push({
        request,
        finish: () => {
          inFlight--;
          if (request === 'request 3') reject(new Error('a bug in the planner'));
          else if (request === 'request 5') resolve({ rawOutput: null, usage: { llmCalls: 1, promptTokens: 0, completionTokens: 0 }, error: 'LLM call failed: 401' });
          else if (request === 'request 6') resolve({ rawOutput: '[{"task"', usage: { llmCalls: 1, promptTokens: 10, completionTokens: 99 }, finishReason: 'length' });
          else resolve({ rawOutput: `[plan for ${request}]`, usage: { llmCalls: 1, promptTokens: 10, completionTokens: 5 } });
        },
      });
    });
  return { plan, pending, maxInFlight: () => maxInFlight };
}

describe('planDataset', () => {
  it('plans at most N requests at once and returns them in dataset order', async () => {
    const planner = controlledPlanner();
    const progress: Array<[string, number]> = [];
    let clock = 0;
    const running = planDataset(items, {
      plan: planner.plan,
      concurrency: 3,
      now: () => clock,
      onPrediction: (p: EvalPrediction, done: number) => progress.push([p.id, done]),
    });
    // Release calls newest-first so completion order differs from dataset order.
    while (progress.length < items.length) {
      await new Promise((r) => setImmediate(r));
      expect(planner.pending.length).toBeLessThanOrEqual(3);
      clock += 10;
      planner.pending.pop()?.finish();
    }
    const results = await running;
    expect(planner.maxInFlight()).toBe(3);
    expect(results.map((r) => r.id)).toEqual(items.map((i) => i.id));
    expect(progress.map(([, done]) => done)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(progress.map(([id]) => id)).not.toEqual(items.map((i) => i.id));
    expect(results[0]).toMatchObject({ id: 'r0', output: '[plan for request 0]', llm: { calls: 1, promptTokens: 10, completionTokens: 5 } });
    // r0 started at 0 and, released newest-first, finished only after the others ahead of it.
    expect(results[0].llm!.latencyMs).toBeGreaterThanOrEqual(30);
    expect(results[3]).toMatchObject({ id: 'r3', output: null, error: 'planning failed: a bug in the planner', llm: { calls: 0 } });
    expect(results[5]).toMatchObject({ id: 'r5', output: null, error: 'LLM call failed: 401', llm: { calls: 1 } });
    expect(results[6]).toMatchObject({ id: 'r6', output: '[{"task"', finishReason: 'length', llm: { completionTokens: 99 } });
    expect(results[0]).not.toHaveProperty('error');
    expect(results[0]).not.toHaveProperty('finishReason');
  });

  it('stops when aborted', async () => {
    const controller = new AbortController();
    const running = planDataset(items, {
      plan: async (request) => {
        if (request === 'request 1') controller.abort(new Error('stopped by the user'));
        return { rawOutput: '[]', usage: { llmCalls: 1, promptTokens: 1, completionTokens: 1 } };
      },
      concurrency: 1,
      signal: controller.signal,
    });
    await expect(running).rejects.toThrow('stopped by the user');
  });
});
