// Scores recorded planner outputs against a dataset: parse each raw output, compare, and aggregate by type.
import type { PlanTask } from '../../../src-shared/plan';
import { findTaskType } from '../../../src-shared/tasks';
import { EVAL_REQUEST_TYPES, type EvalItem, type EvalPrediction, type EvalRequestType, type LlmMeasurement, type ParsePlan } from './dataset';
import { comparePlans, type MatchCounts, type PlanComparison } from './metrics';
import { taskbenchScores, type TaskbenchTools } from './taskbench-metrics';

/** Which published definitions the metrics follow: HuggingGPT's paper (multisets) or TaskBench's evaluate.py. */
export type EvalScoring = 'paper' | 'taskbench';

/** How to score: the definitions, and TaskBench's tool list when it is not the app's own. */
export interface ScoringOptions {
  scoring?: EvalScoring;
  tools?: TaskbenchTools;
}

/** One request after scoring: what was predicted and how it compares. */
export interface ScoredRequest {
  item: EvalItem;
  /** The raw output gave a plan (an unusable or missing output is scored as an empty plan). */
  parsed: boolean;
  /** Why there is no plan: the parser's message, the LLM error, or a missing prediction. */
  problem?: string;
  /** The LLM call itself failed (recorded output is null). */
  callFailed: boolean;
  predicted: PlanTask[];
  comparison: PlanComparison;
  llm?: LlmMeasurement;
}

/** LLM cost per request, averaged over the requests of a group (LLM mode only). */
export interface LlmMetrics {
  meanCalls: number;
  meanPromptTokens: number;
  meanCompletionTokens: number;
  meanTokens: number;
  meanLatencyMs: number;
  /** Requests whose LLM call failed. */
  failures: number;
}

/** The plan-comparison scores both scorings report, in the same JSON fields. */
export type PlanScoreName = 'precision' | 'recall' | 'f1' | 'edgeF1' | 'editDistance' | 'argNameF1' | 'argValueF1';

/** The planning metrics of a group of requests, as fractions (null only for an empty group). */
export interface GroupMetrics extends Record<PlanScoreName, number | null> {
  count: number;
  parseRate: number | null;
  accuracy: number | null;
  llm: LlmMetrics | null;
}

/** The whole evaluation: overall metrics and the same per request type. */
export interface EvalSummary extends GroupMetrics {
  byType: Record<EvalRequestType, GroupMetrics>;
  /** The definitions the metrics follow. */
  scoring: EvalScoring;
}

/** Parses one raw output with the app's parser; any failure is an unusable output (an empty plan). */
function predictedPlan(prediction: EvalPrediction | undefined, parse: ParsePlan): { parsed: boolean; tasks: PlanTask[]; problem?: string } {
  if (!prediction) return { parsed: false, tasks: [], problem: 'no prediction for this request' };
  if (prediction.output === null) return { parsed: false, tasks: [], problem: prediction.error ?? 'the LLM gave no output' };
  if (prediction.finishReason === 'length') return { parsed: false, tasks: [], problem: 'the answer was cut off at the token limit' };
  try {
    return { parsed: true, tasks: parse(prediction.output) };
  } catch (error) {
    return { parsed: false, tasks: [], problem: error instanceof Error ? error.message : String(error) };
  }
}

/** Task names as the planner itself reads them ("Image-to-Text", "image-captioning" -> "image-to-text"). */
export const canonicalTaskNames = (tasks: readonly PlanTask[]): PlanTask[] => tasks.map((t) => ({ ...t, task: findTaskType(t.task)?.type ?? t.task }));

/**
 * Scores each dataset request against its prediction (matched by id). With `canonicalNames`, predicted
 * task names are first canonicalised as the planner does; otherwise they are compared as written.
 */
export function scoreRequests(items: readonly EvalItem[], predictions: readonly EvalPrediction[], parse: ParsePlan, canonicalNames = false): ScoredRequest[] {
  const byId = new Map(predictions.map((p) => [p.id, p]));
  return items.map((item) => {
    const prediction = byId.get(item.id);
    const parsed = predictedPlan(prediction, parse);
    const plan = canonicalNames ? { ...parsed, tasks: canonicalTaskNames(parsed.tasks) } : parsed;
    return {
      item,
      parsed: plan.parsed,
      problem: plan.problem,
      callFailed: prediction?.output === null,
      predicted: plan.tasks,
      comparison: comparePlans(item.tasks, plan.tasks),
      llm: prediction?.llm,
    };
  });
}

function sumCounts(all: MatchCounts[]): MatchCounts {
  return all.reduce((s, c) => ({ matched: s.matched + c.matched, predicted: s.predicted + c.predicted, expected: s.expected + c.expected }), {
    matched: 0,
    predicted: 0,
    expected: 0,
  });
}

/** matched / total; an empty total scores 1 when nothing was on the other side either (nothing to get wrong), else 0. */
function ratio(matched: number, total: number, other: number): number {
  if (total === 0) return other === 0 ? 1 : 0;
  return matched / total;
}

/** Micro-averaged F1 from summed counts: 2·matched / (predicted + expected); 1 when both are empty. */
export function microF1(c: MatchCounts): number {
  const total = c.predicted + c.expected;
  return total === 0 ? 1 : (2 * c.matched) / total;
}

/** Micro-averaged precision: matched / predicted. */
export const microPrecision = (c: MatchCounts): number => ratio(c.matched, c.predicted, c.expected);

/** Micro-averaged recall: matched / expected. */
export const microRecall = (c: MatchCounts): number => ratio(c.matched, c.expected, c.predicted);

const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

function llmMetrics(requests: readonly ScoredRequest[]): LlmMetrics | null {
  const m = requests.flatMap((r) => (r.llm ? [r.llm] : []));
  if (m.length === 0 || m.length < requests.length) return null;
  return {
    meanCalls: mean(m.map((x) => x.calls)),
    meanPromptTokens: mean(m.map((x) => x.promptTokens)),
    meanCompletionTokens: mean(m.map((x) => x.completionTokens)),
    meanTokens: mean(m.map((x) => x.promptTokens + x.completionTokens)),
    meanLatencyMs: mean(m.map((x) => x.latencyMs)),
    failures: requests.filter((r) => r.callFailed).length,
  };
}

/** The metrics of one group of scored requests, by the paper's definitions or TaskBench's. */
export function groupMetrics(requests: readonly ScoredRequest[], withLlm: boolean, options: ScoringOptions = {}): GroupMetrics {
  if (requests.length === 0) {
    return { count: 0, parseRate: null, accuracy: null, precision: null, recall: null, f1: null, edgeF1: null, editDistance: null, argNameF1: null, argValueF1: null, llm: null };
  }
  if (options.scoring === 'taskbench') {
    const { supported: _supported, ...scores } = taskbenchScores(requests.filter((r) => r.parsed).map((r) => ({ expected: r.item.tasks, predicted: r.predicted })), options.tools);
    return {
      count: requests.length,
      parseRate: requests.filter((r) => r.parsed).length / requests.length,
      accuracy: requests.filter((r) => r.comparison.exactMatch).length / requests.length,
      ...scores,
      llm: withLlm ? llmMetrics(requests) : null,
    };
  }
  const names = sumCounts(requests.map((r) => r.comparison.names));
  return {
    count: requests.length,
    parseRate: requests.filter((r) => r.parsed).length / requests.length,
    accuracy: requests.filter((r) => r.comparison.exactMatch).length / requests.length,
    precision: microPrecision(names),
    recall: microRecall(names),
    f1: microF1(names),
    edgeF1: microF1(sumCounts(requests.map((r) => r.comparison.edges))),
    editDistance: mean(requests.map((r) => r.comparison.editDistance)),
    argNameF1: microF1(sumCounts(requests.map((r) => r.comparison.argNames))),
    argValueF1: microF1(sumCounts(requests.map((r) => r.comparison.argValues))),
    llm: withLlm ? llmMetrics(requests) : null,
  };
}

/** Overall and per-type metrics; `withLlm` adds LLM cost (LLM mode), otherwise `llm` is null. */
export function summarize(requests: readonly ScoredRequest[], withLlm: boolean, options: ScoringOptions = {}): EvalSummary {
  const byType = Object.fromEntries(
    EVAL_REQUEST_TYPES.map((type) => [type, groupMetrics(requests.filter((r) => r.item.type === type), withLlm, options)]),
  ) as Record<EvalRequestType, GroupMetrics>;
  return { ...groupMetrics(requests, withLlm, options), byType, scoring: options.scoring ?? 'paper' };
}
