// LLM mode: plans every dataset request with the configured LLM, a bounded number at a time, recording raw outputs.
import type { Usage } from '../../../src-shared/plan';
import type { EvalItem, EvalPrediction } from './dataset';

/** Plans one request and returns the LLM's raw text and usage (the planner's `planRequest`, adapted). */
export type PlanOneRequest = (request: string, signal?: AbortSignal) => Promise<{ rawOutput: string; usage: Usage }>;

/** How to run the dataset through the planner. */
export interface PlanDatasetOptions {
  plan: PlanOneRequest;
  /** At most this many requests are planned at once (at least 1). */
  concurrency: number;
  signal?: AbortSignal;
  /** Called as each request finishes, in completion order (for progress and incremental saving). */
  onPrediction?: (prediction: EvalPrediction, done: number, total: number) => void;
  /** Clock for latency, in milliseconds. */
  now?: () => number;
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Plans every item; a failed call is recorded with a null output and its error. Results are in dataset order. */
export async function planDataset(items: readonly EvalItem[], options: PlanDatasetOptions): Promise<EvalPrediction[]> {
  const now = options.now ?? (() => performance.now());
  const results: EvalPrediction[] = new Array(items.length);
  let next = 0;
  let done = 0;
  const planOne = async (item: EvalItem): Promise<EvalPrediction> => {
    const started = now();
    try {
      const { rawOutput, usage } = await options.plan(item.request, options.signal);
      const llm = { calls: usage.llmCalls, promptTokens: usage.promptTokens, completionTokens: usage.completionTokens, latencyMs: now() - started };
      return { id: item.id, output: rawOutput, llm };
    } catch (error) {
      if (options.signal?.aborted) throw error;
      return { id: item.id, output: null, error: `LLM call failed: ${describeError(error)}`, llm: { calls: 0, promptTokens: 0, completionTokens: 0, latencyMs: now() - started } };
    }
  };
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      options.signal?.throwIfAborted();
      const index = next++;
      const prediction = await planOne(items[index]);
      results[index] = prediction;
      done++;
      options.onPrediction?.(prediction, done, items.length);
    }
  };
  const workers = Math.max(1, Math.min(options.concurrency, items.length));
  await Promise.all(Array.from({ length: workers }, worker));
  return results;
}
