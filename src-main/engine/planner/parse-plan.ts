// Finds the task list in what an LLM really writes (prose, code fences, wrappers, sloppy JSON) and
// returns it in the paper's format. Throws only PlanParseError, whatever the input.
import type { PlanTask, Usage } from '../../../src-shared/plan';
import { LenientJsonError, readLenientSequence, readLenientValue, type JsonValue } from './lenient-json';
import { isJsonObject, taskNameOf, toPlanTask } from './plan-shape';

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
const MAX_STARTS = 40;
const FENCE = /```[\w-]*[ \t]*\r?\n?([\s\S]*?)```/g;

type JsonObject = { [key: string]: JsonValue };

/** The task objects a parsed value holds: a list, a lone task, or a wrapper like {"tasks": [...]}. */
function taskObjects(value: JsonValue, depth = 0): JsonObject[] | undefined {
  if (Array.isArray(value)) {
    const items = value.flatMap((v) => (Array.isArray(v) ? v : [v]));
    const tasks = items.filter((v): v is JsonObject => taskNameOf(v) !== undefined);
    if (items.length === 0) return [];
    if (tasks.length === 0) return undefined;
    const stray = items.findIndex((v) => taskNameOf(v) === undefined);
    if (stray >= 0) throw new PlanParseError('malformed', `item ${stray + 1} of the task list is not a task (it has no "task" name)`);
    return tasks;
  }
  if (!isJsonObject(value)) return undefined;
  // A wrapper ({"tasks": [...]}, even one with a "type" key) wins over reading the object as one task.
  let wrapped: JsonObject[] | undefined;
  for (const inner of depth < 2 ? Object.values(value) : []) {
    if (typeof inner !== 'object' || inner === null) continue;
    wrapped = taskObjects(inner, depth + 1);
    if (wrapped) break;
  }
  if (wrapped && wrapped.length > 0) return wrapped;
  return taskNameOf(value) !== undefined ? [value] : wrapped;
}

function nextStart(text: string, from: number): number {
  for (let i = from; i < text.length; i++) if (text[i] === '[' || text[i] === '{') return i;
  return -1;
}

function describe(error: LenientJsonError, text: string): PlanParseError {
  if (error.truncated) return new PlanParseError('incomplete', `the answer ends before its task list is complete (${error.message})`);
  const near = text.slice(Math.max(0, error.position - 20), error.position + 20).replace(/\s+/g, ' ');
  return new PlanParseError('malformed', `the task list is not readable JSON: ${error.message} near "${near}"`);
}

/** Tries each `[` / `{` of `text` in turn; returns the first plan found, `[]` for an explicit empty one. */
function searchRegion(text: string, errors: PlanParseError[]): PlanTask[] | undefined {
  let empty = false;
  let pos = nextStart(text, 0);
  for (let attempt = 0; pos >= 0 && attempt < MAX_STARTS; attempt++) {
    let next = pos + 1;
    try {
      const objects = taskObjects(readLenientSequence(text, pos).value);
      if (objects && objects.length > 0) return objects.map((o, i) => toPlanTask(o, i));
      if (objects) empty = true;
    } catch (error) {
      if (error instanceof PlanParseError) errors.push(error);
      else if (error instanceof LenientJsonError) {
        errors.push(describe(error, text));
        if (error.truncated) break; // everything after is inside the unclosed value
        next = Math.max(next, error.position);
      } else throw error;
    }
    pos = nextStart(text, next);
  }
  return empty ? [] : undefined;
}

/**
 * Parses an LLM's planning answer into tasks (names as written, references as `<resource>-N`).
 * `[]` (or `{"tasks": []}`) is an empty plan: a plain conversation.
 * @example parsePlanText('Sure! [{"task": "image-to-text", "id": 0, "dep": [-1], "args": {"image": "a.jpg"}}]')
 */
export function parsePlanText(raw: string): PlanTask[] {
  if (typeof raw !== 'string') throw new PlanParseError('no-plan', 'the answer is not text');
  if (raw.length > MAX_TEXT) throw new PlanParseError('too-long', `the answer is too long to be a plan (${raw.length} characters)`);
  const errors: PlanParseError[] = [];
  const regions = [...[...raw.matchAll(FENCE)].map((m) => m[1]), raw];
  for (const region of regions) {
    const tasks = searchRegion(region, errors);
    if (tasks) return tasks;
  }
  if (errors.length > 0) throw errors[0];
  throw new PlanParseError('no-plan', 'the answer contains no task list (expected a JSON list of tasks)');
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
