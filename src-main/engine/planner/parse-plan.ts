// Reads the task list of a planning answer with the one structured-answer reader and returns it in the
// paper's format. Throws only PlanParseError, whatever the input.
import type { PlanTask, Usage } from '../../../src-shared/plan';
import { AnswerReadError, isJsonObject, readListAnswer, type AnswerReadErrorKind, type ListAnswerShape } from '../structured-answer';
import { readLenientValue } from './lenient-json';
import { taskNameOf, toPlanTask } from './plan-shape';

/** Why LLM text holds no usable plan. */
export type PlanParseErrorKind = 'no-plan' | 'malformed' | 'incomplete' | 'truncated' | 'too-long';

/** LLM text that holds no usable task list; `message` is meant for users. */
export class PlanParseError extends Error {
  /** What the LLM calls that led to this error cost (set by planRequest). */
  usage?: Usage;

  constructor(
    readonly kind: PlanParseErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'PlanParseError';
  }
}

const MAX_TEXT = 200_000;

/** A task list: items are objects with a task name, read into the paper's format. */
const PLAN_SHAPE: ListAnswerShape<PlanTask> = {
  list: 'task list',
  item: 'task',
  notAnItem: (value) => (taskNameOf(value) !== undefined ? undefined : isJsonObject(value) ? 'it has no "task" name' : `it is ${String(JSON.stringify(value)).slice(0, 40)}`),
  read: (object, index) => toPlanTask(object, index),
};

const KINDS: Record<AnswerReadErrorKind, PlanParseErrorKind> = { none: 'no-plan', malformed: 'malformed', incomplete: 'incomplete', 'too-long': 'too-long' };

/**
 * Parses an LLM's planning answer into tasks (names as written, references as `<resource>-N`), with the
 * reader every structured answer uses. `[]` (or `{"tasks": []}`) is an empty plan: a plain conversation.
 * @example parsePlanText('Sure! [{"task": "image-to-text", "id": 0, "dep": [-1], "args": {"image": "a.jpg"}}]')
 */
export function parsePlanText(raw: string): PlanTask[] {
  try {
    return readListAnswer(raw, PLAN_SHAPE);
  } catch (error) {
    if (error instanceof AnswerReadError) throw new PlanParseError(KINDS[error.kind], error.message);
    throw error;
  }
}

/** Spans of balanced `{...}` in `text`, skipping braces inside quoted strings. */
function objectSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  const open: number[] = [];
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if ((c === '"' || c === "'") && open.length > 0) quote = c;
    else if (c === '{') open.push(i);
    else if (c === '}' && open.length > 0) spans.push([open.pop()!, i + 1]);
  }
  return spans.sort((a, b) => a[0] - b[0]);
}

/**
 * Best-effort tasks from a partial (still streaming) answer: every complete task object so far.
 * Never throws; used to show tasks as they arrive, never as the final plan.
 */
export function parsePartialPlan(text: string): PlanTask[] {
  if (typeof text !== 'string' || text.length > MAX_TEXT) return [];
  const tasks: PlanTask[] = [];
  let coveredUntil = -1;
  for (const [start, end] of objectSpans(text)) {
    if (start < coveredUntil || !/task|name|tool/i.test(text.slice(start, end))) continue;
    try {
      const { value } = readLenientValue(text.slice(start, end), 0);
      if (isJsonObject(value) && taskNameOf(value) !== undefined) {
        tasks.push(toPlanTask(value, tasks.length));
        coveredUntil = end;
      }
    } catch {
      // an unreadable fragment: skip it, later objects may still be complete
    }
  }
  return tasks;
}
