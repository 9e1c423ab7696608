// Turns loosely shaped task objects (as read from LLM text) into tasks in the paper's format.
import { referencedIds, type PlanTask } from '../../../src-shared/plan';
import { isJsonObject, type JsonObject } from '../structured-answer';
import { setOwn, type JsonValue } from './lenient-json';
import { normalizeReferences } from './references';

const NAME_KEYS = ['task', 'task_name', 'taskname', 'task_type', 'tasktype', 'name', 'type', 'tool'];
const ID_KEYS = ['id', 'task_id', 'taskid'];
const DEP_KEYS = ['dep', 'deps', 'dependencies', 'dependency', 'depends_on', 'dependson'];
const ARGS_KEYS = ['args', 'arguments', 'inputs', 'input', 'parameters', 'params'];

/** The value of the first of `keys` present in `object`, matching keys case-insensitively. */
function field(object: JsonObject, keys: string[]): JsonValue | undefined {
  for (const [key, value] of Object.entries(object)) {
    if (keys.includes(key.trim().toLowerCase().replace(/[\s-]/g, '_'))) return value;
  }
  return undefined;
}

/** The task name an object carries, if it looks like a task. */
export function taskNameOf(value: JsonValue): string | undefined {
  if (!isJsonObject(value)) return undefined;
  const name = field(value, NAME_KEYS);
  return typeof name === 'string' && name.trim() !== '' ? name.trim() : undefined;
}

/** A whole number from a number or a string such as "2", "-1" or "task 2"; undefined otherwise. */
function wholeNumber(value: JsonValue | undefined): number | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const match = /(?:^\s*-)?\d{1,9}/.exec(value);
  return match ? Number(match[0].trim()) || 0 : undefined;
}

/** The ids in a `dep` field written as a list, a number, or a string like "0, 1" or "<resource>-0". */
function depIds(value: JsonValue | undefined): number[] {
  if (value === undefined || value === null) return [];
  const items = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[,;\s]+/) : [value];
  const ids: number[] = [];
  for (const item of items) {
    const refs = typeof item === 'string' ? referencedIds(normalizeReferences(item)) : [];
    const n = refs.length > 0 ? refs[0] : wholeNumber(item);
    if (n !== undefined && n >= 0) ids.push(n);
  }
  return ids;
}

/** An argument value as text: lists of labels joined, other structures as JSON. */
function argText(value: JsonValue): string | undefined {
  if (value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number')) return value.join(', ');
  return JSON.stringify(value);
}

/** The raw argument map: an object, a list of one-key objects, or a lone string (taken as `text`). */
function rawArgs(value: JsonValue | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  const objects = isJsonObject(value ?? null) ? [value as JsonObject] : Array.isArray(value) ? value.filter(isJsonObject) : [];
  if (typeof value === 'string') out.text = value;
  for (const object of objects) {
    for (const [key, v] of Object.entries(object)) {
      const text = argText(v);
      if (text !== undefined && key.trim() !== '') setOwn(out, key.trim().toLowerCase(), text);
    }
  }
  return out;
}

/**
 * One task object in the paper's format: references normalised, `dep` = listed deps plus referenced
 * tasks (sorted, `[-1]` when none), task name as written. `index` is used when the id is unusable.
 */
export function toPlanTask(object: JsonObject, index: number): PlanTask {
  const id = wholeNumber(field(object, ID_KEYS));
  const listed = depIds(field(object, DEP_KEYS));
  const soleDep = new Set(listed).size === 1 ? listed[0] : undefined;
  const args: Record<string, string> = {};
  for (const [key, value] of Object.entries(rawArgs(field(object, ARGS_KEYS)))) setOwn(args, key, normalizeReferences(value, soleDep));
  const deps = new Set([...listed, ...Object.values(args).flatMap(referencedIds)]);
  const dep = [...deps].sort((a, b) => a - b);
  return {
    id: id !== undefined && id >= 0 ? id : index,
    task: taskNameOf(object) ?? '',
    dep: dep.length > 0 ? dep : [-1],
    args,
  };
}
