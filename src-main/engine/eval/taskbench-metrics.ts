// TaskBench's planning metrics, as its evaluate.py defines them (microsoft/JARVIS, taskbench/evaluate.py,
// resource dependencies): node micro P/R/F1 over the *sets* of tool names per request (names outside the
// tool list ignored on both sides), link binary F1 over the sets of (source, target) links, argument
// t-F1 / v-F1 over "task-type" and "task-type-value" items, and 1 - mean Levenshtein.ratio of the tool-id
// sequences as the edit distance. Requests without a usable plan are not scored (TaskBench's predictions
// file holds parsed answers only); `parseRate` still counts them.
import { RESOURCE_REF_PATTERN, type PlanTask } from '../../../src-shared/plan';
import { TASK_TYPES } from '../../../src-shared/tasks';
import type { PlanScoreName } from './score';

/** The tool list TaskBench scores against: names in order (ids are 1-based positions) and each one's output type. */
export interface TaskbenchTools {
  names: readonly string[];
  outputType(name: string): string | undefined;
}

/** Counts of one binary comparison, summed over requests. */
interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

/** TaskBench's scores for a group of requests, as fractions (null when nothing was scored). */
export type TaskbenchScores = { supported: number } & { [K in PlanScoreName]: number | null };

/** The app's own task types as a TaskBench tool list (first output modality as the output type). */
export const APP_TOOLS: TaskbenchTools = toolList(TASK_TYPES.map((t) => ({ id: t.type, outputType: t.outputs[0]?.modality })));

/** A tool list from TaskBench's `tool_desc.json` nodes (`{id, "output-type": [...]}`) or the like. */
export function toolList(tools: ReadonlyArray<{ id: string; outputType?: string }>): TaskbenchTools {
  const output = new Map(tools.map((t) => [t.id, t.outputType ?? 'none']));
  return { names: tools.map((t) => t.id), outputType: (name) => output.get(name) };
}

/** evaluate.py's get_content_type: a literal argument's kind from the file extensions it mentions. */
export function contentType(value: string): string {
  const content = value.replace(/^'+|'+$/g, '');
  const has = (exts: string[]) => exts.some((ext) => content.includes(`.${ext}`));
  if (has(['jpg', 'png', 'jpeg', 'gif', 'bmp', 'tiff', 'svg', 'ico'])) return 'image';
  if (has(['mp3', 'wav', 'wma', 'ogg', 'aac', 'flac', 'aiff', 'au'])) return 'audio';
  if (has(['mp4', 'avi', 'mov', 'flv', 'wmv', 'mkv', 'webm', 'm4v', 'mpg', 'mpeg'])) return 'video';
  return 'text';
}

/** What evaluate.py reads from one plan: node names (in order), links, and argument items. */
interface PlanView {
  names: string[];
  links: string[];
  argNames: string[];
  argValues: string[];
}

function view(tasks: readonly PlanTask[], tools: TaskbenchTools): PlanView {
  const ordered = [...tasks].sort((a, b) => a.id - b.id);
  const name = (t: PlanTask) => t.task.replace(/_/g, ' ');
  const nameOf = new Map(ordered.map((t) => [t.id, name(t)]));
  const out: PlanView = { names: ordered.map(name), links: [], argNames: [], argValues: [] };
  for (const t of ordered) {
    for (const value of Object.values(t.args)) {
      const refs = [...value.matchAll(RESOURCE_REF_PATTERN)].map((m) => Number(m[1])).filter((id) => id !== t.id && nameOf.has(id));
      const [argName, argValue] = refs.length > 0
        ? [tools.outputType(nameOf.get(refs[0])!) ?? 'other', nameOf.get(refs[0])!]
        : [contentType(value), value];
      if (refs.length > 0) out.links.push(JSON.stringify([nameOf.get(refs[0]), name(t)]));
      out.argNames.push(`${name(t)}-${argName}`);
      out.argValues.push(`${name(t)}-${argName}-${argValue}`);
    }
  }
  return out;
}

/** evaluate.py's flatten + binary counting over the union of the two sets of one request. */
function addSetCounts(total: Counts, expected: readonly string[], predicted: readonly string[], keep: (s: string) => boolean = () => true): void {
  const gold = new Set(expected);
  const pred = new Set(predicted);
  for (const s of new Set([...gold, ...pred])) {
    if (!keep(s)) continue;
    if (gold.has(s) && pred.has(s)) total.tp++;
    else if (pred.has(s)) total.fp++;
    else total.fn++;
  }
}

/** python-Levenshtein's ratio on two sequences: 1 - InDel distance / total length (1 when both are empty). */
export function levenshteinRatio(a: readonly number[], b: readonly number[]): number {
  const total = a.length + b.length;
  if (total === 0) return 1;
  let previous = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const current = [0];
    for (let j = 1; j <= b.length; j++) current.push(a[i - 1] === b[j - 1] ? previous[j - 1] + 1 : Math.max(previous[j], current[j - 1]));
    previous = current;
  }
  const lcs = previous[b.length];
  return (2 * lcs) / total;
}

const f1 = (c: Counts): number => (c.tp === 0 ? 0 : (2 * c.tp) / (2 * c.tp + c.fp + c.fn));
const zero = (): Counts => ({ tp: 0, fp: 0, fn: 0 });

/** TaskBench's scores over (expected, predicted) plan pairs of the requests that have a usable plan. */
export function taskbenchScores(pairs: ReadonlyArray<{ expected: readonly PlanTask[]; predicted: readonly PlanTask[] }>, tools: TaskbenchTools = APP_TOOLS): TaskbenchScores {
  if (pairs.length === 0) return { supported: 0, precision: null, recall: null, f1: null, edgeF1: null, editDistance: null, argNameF1: null, argValueF1: null };
  const toolIndex = new Map(tools.names.map((n, i) => [n, i + 1]));
  const nodes = zero();
  const links = zero();
  const argNames = zero();
  const argValues = zero();
  let ratioSum = 0;
  for (const { expected, predicted } of pairs) {
    const gold = view(expected, tools);
    const pred = view(predicted, tools);
    addSetCounts(nodes, gold.names, pred.names, (s) => toolIndex.has(s));
    addSetCounts(links, gold.links, pred.links);
    addSetCounts(argNames, gold.argNames, pred.argNames);
    addSetCounts(argValues, gold.argValues, pred.argValues);
    ratioSum += levenshteinRatio(pred.names.map((n) => toolIndex.get(n) ?? 0), gold.names.map((n) => toolIndex.get(n) ?? 0));
  }
  const precision = nodes.tp + nodes.fp === 0 ? 0 : nodes.tp / (nodes.tp + nodes.fp);
  const recall = nodes.tp + nodes.fn === 0 ? 0 : nodes.tp / (nodes.tp + nodes.fn);
  return {
    supported: pairs.length,
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    edgeF1: f1(links),
    editDistance: 1 - ratioSum / pairs.length,
    argNameF1: f1(argNames),
    argValueF1: f1(argValues),
  };
}
