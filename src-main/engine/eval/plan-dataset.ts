// LLM mode: plans every dataset request with the configured LLM, a bounded number at a time, recording raw outputs.
import { emptyUsage, type Usage } from '../../../src-shared/plan';
import type { EvalItem, EvalPrediction } from './dataset';

/** What planning one request gave: the LLM's last raw text (null when no answer came), its cost, and why not. */
export interface PlanOutcome {
  rawOutput: string | null;
  usage: Usage;
  /** `length` means the answer was cut off at the token limit. */
  finishReason?: string | null;
  error?: string;
}

/** Plans one request (see planWithPlanner for the app's planner). */
export type PlanOneRequest = (request: string, signal?: AbortSignal) => Promise<PlanOutcome>;

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

/** Plans every item; a failed one is recorded with a null output and its error. Results are in dataset order. */
export async function planDataset(items: readonly EvalItem[], options: PlanDatasetOptions): Promise<EvalPrediction[]> {
  const now = options.now ?? (() => performance.now());
  const results: EvalPrediction[] = new Array(items.length);
  let next = 0;
  let done = 0;
  const planOne = async (item: EvalItem): Promise<EvalPrediction> => {
    const started = now();
    let outcome: PlanOutcome;
    try {
      outcome = await options.plan(item.request, options.signal);
    } catch (error) {
      if (options.signal?.aborted) throw error;
      outcome = { rawOutput: null, usage: emptyUsage(), error: `planning failed: ${describeError(error)}` };
    }
    const { usage } = outcome;
    const llm = { calls: usage.llmCalls, promptTokens: usage.promptTokens, completionTokens: usage.completionTokens, latencyMs: now() - started };
    const prediction: EvalPrediction = { id: item.id, output: outcome.rawOutput, llm };
    if (outcome.finishReason !== undefined && outcome.finishReason !== null) prediction.finishReason = outcome.finishReason;
    if (outcome.error !== undefined) prediction.error = outcome.error;
    return prediction;
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
