// The one reader of every structured answer an LLM gives (the plan, the model choices, anything later):
// it finds the list in what an LLM really writes (prose, code fences, wrappers, sloppy JSON), with the same
// repair rules and the same refusals for every kind of answer. An invalid item is an error naming it.
import { LenientJsonError, readLenientSequence, type JsonValue } from './planner/lenient-json';

/** A JSON object as read. */
export type JsonObject = { [key: string]: JsonValue };

/** Why an answer holds no usable list. */
export type AnswerReadErrorKind = 'none' | 'malformed' | 'incomplete' | 'too-long';

/** LLM text that holds no usable list; `message` is meant for users. */
export class AnswerReadError extends Error {
  constructor(
    readonly kind: AnswerReadErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'AnswerReadError';
  }
}

/** What one kind of answer holds: the words for messages, how to spot an item and how to read one. */
export interface ListAnswerShape<T> {
  /** The list in words, e.g. "task list". */
  list: string;
  /** One item in words, e.g. "task". */
  item: string;
  /** Why a value is not an item (e.g. 'it has no "task" name'); undefined when it is one. */
  notAnItem(value: JsonValue): string | undefined;
  /** Reads a valid item; throws AnswerReadError('malformed') naming the item when it cannot be used. */
  read(object: JsonObject, index: number): T;
}

const MAX_TEXT = 200_000;
const MAX_STARTS = 40;
const FENCE = /```[\w-]*[ \t]*\r?\n?([\s\S]*?)```/g;

/** Whether a value is a JSON object (not a list, not null). */
export const isJsonObject = (value: JsonValue): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The item objects a parsed value holds: a list, a lone item, or a wrapper like {"tasks": [...]}. */
function itemObjects<T>(value: JsonValue, shape: ListAnswerShape<T>, depth = 0): JsonObject[] | undefined {
  if (Array.isArray(value)) {
    const items = value.flatMap((v) => (Array.isArray(v) ? v : [v]));
    if (items.length === 0) return [];
    const problems = items.map((v) => shape.notAnItem(v));
    if (problems.every((p) => p !== undefined)) return undefined;
    const stray = problems.findIndex((p) => p !== undefined);
    if (stray >= 0) throw new AnswerReadError('malformed', `${shape.item} ${stray + 1} of the ${shape.list} is not a ${shape.item} (${problems[stray]})`);
    return items as JsonObject[];
  }
  if (!isJsonObject(value)) return undefined;
  // A wrapper ({"tasks": [...]}, even one with a "type" key) wins over reading the object as one item.
  let wrapped: JsonObject[] | undefined;
  for (const inner of depth < 2 ? Object.values(value) : []) {
    if (typeof inner !== 'object' || inner === null) continue;
    wrapped = itemObjects(inner, shape, depth + 1);
    if (wrapped) break;
  }
  if (wrapped && wrapped.length > 0) return wrapped;
  return shape.notAnItem(value) === undefined ? [value] : wrapped;
}

function nextStart(text: string, from: number): number {
  for (let i = from; i < text.length; i++) if (text[i] === '[' || text[i] === '{') return i;
  return -1;
}

function describe(error: LenientJsonError, text: string, list: string): AnswerReadError {
  if (error.truncated) return new AnswerReadError('incomplete', `the answer ends before its ${list} is complete (${error.message})`);
  const near = text.slice(Math.max(0, error.position - 20), error.position + 20).replace(/\s+/g, ' ');
  return new AnswerReadError('malformed', `the ${list} is not readable JSON: ${error.message} near "${near}"`);
}

/** Tries each `[` / `{` of `text` in turn; returns the first list found, `[]` for an explicit empty one. */
function searchRegion<T>(text: string, shape: ListAnswerShape<T>, errors: AnswerReadError[]): T[] | undefined {
  let empty = false;
  let pos = nextStart(text, 0);
  for (let attempt = 0; pos >= 0 && attempt < MAX_STARTS; attempt++) {
    let next = pos + 1;
    try {
      const { value, end } = readLenientSequence(text, pos);
      next = end; // an item refused below must not be found again inside its own list
      const objects = itemObjects(value, shape);
      if (objects && objects.length > 0) return objects.map((o, i) => shape.read(o, i));
      if (objects) empty = true;
      else next = pos + 1; // not a list of items: look inside it
    } catch (error) {
      if (error instanceof AnswerReadError) errors.push(error);
      else if (error instanceof LenientJsonError) {
        errors.push(describe(error, text, shape.list));
        if (error.truncated) break; // everything after is inside the unclosed value
        next = Math.max(pos + 1, error.position);
      } else throw error;
    }
    pos = nextStart(text, next);
  }
  return empty ? [] : undefined;
}

/**
 * Reads the list of items an LLM answer holds. `[]` (or `{"tasks": []}`) is an explicit empty list.
 * Throws AnswerReadError only, whatever the input.
 */
export function readListAnswer<T>(raw: string, shape: ListAnswerShape<T>): T[] {
  if (typeof raw !== 'string') throw new AnswerReadError('none', 'the answer is not text');
  if (raw.length > MAX_TEXT) throw new AnswerReadError('too-long', `the answer is too long to be a ${shape.list} (${raw.length} characters)`);
  const errors: AnswerReadError[] = [];
  const regions = [...[...raw.matchAll(FENCE)].map((m) => m[1]), raw];
  for (const region of regions) {
    const items = searchRegion(region, shape, errors);
    if (items) return items;
  }
  if (errors.length > 0) throw errors[0];
  throw new AnswerReadError('none', `the answer contains no ${shape.list} (expected a JSON list of ${shape.item}s)`);
}
