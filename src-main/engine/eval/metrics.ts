// Per-request comparison of a predicted plan with the annotated one: the counts behind every planning metric.
import { editDistance } from '../../../src-shared/edit-distance';
import { depsOf, RESOURCE_REF_PATTERN, type PlanTask } from '../../../src-shared/plan';

/** Matched, predicted and expected sizes of one multiset comparison. */
export interface MatchCounts {
  matched: number;
  predicted: number;
  expected: number;
}

/** A dependency edge between task names: the output of `source` feeds `target`. */
export type NamedEdge = readonly [source: string, target: string];

/** Everything the metrics and the report need about one request. */
export interface PlanComparison {
  names: MatchCounts;
  edges: MatchCounts;
  argNames: MatchCounts;
  argValues: MatchCounts;
  /** The predicted multiset of task names equals the expected one. */
  exactMatch: boolean;
  /** Levenshtein distance of the name sequences (ordered by id) over the longer length. */
  editDistance: number;
  missingTasks: string[];
  extraTasks: string[];
  missingEdges: NamedEdge[];
  extraEdges: NamedEdge[];
  /** Arguments as `task.name=value`, references shown as the referenced task's name. */
  missingArgs: string[];
  extraArgs: string[];
}

/** How many elements `a` and `b` share, counting repeats (multiset intersection size). */
export function multisetIntersectionSize(a: readonly string[], b: readonly string[]): number {
  return a.length - multisetDifference(a, b).length;
}

/** The elements of `a` left over after matching each element of `b` at most once. */
export function multisetDifference(a: readonly string[], b: readonly string[]): string[] {
  const remaining = new Map<string, number>();
  for (const x of b) remaining.set(x, (remaining.get(x) ?? 0) + 1);
  const left: string[] = [];
  for (const x of a) {
    const n = remaining.get(x) ?? 0;
    if (n > 0) remaining.set(x, n - 1);
    else left.push(x);
  }
  return left;
}

/** Levenshtein distance over the longer length: 0 when both are empty, 1 when only one is. */
export function normalizedEditDistance(a: readonly string[], b: readonly string[]): number {
  const longer = Math.max(a.length, b.length);
  return longer === 0 ? 0 : editDistance(a, b) / longer;
}

/** Task names in id order, as written. */
export function taskNameSequence(tasks: readonly PlanTask[]): string[] {
  return [...tasks].sort((x, y) => x.id - y.id).map((t) => t.task);
}

/** The (source name, target name) edges of a plan's `dep` lists; deps on unknown ids are dropped. */
export function dependencyEdges(tasks: readonly PlanTask[]): NamedEdge[] {
  const nameOf = new Map(tasks.map((t) => [t.id, t.task]));
  const edges: NamedEdge[] = [];
  for (const t of tasks) {
    for (const d of depsOf(t)) {
      const source = nameOf.get(d);
      if (source !== undefined) edges.push([source, t.task]);
    }
  }
  return edges;
}

/**
 * A plan's arguments as `task.name` and `task.name=value` strings (TaskBench's t-F1 and v-F1 items).
 * `<resource>-N` becomes `<task name of N>` so that values compare whatever ids the plans use.
 */
export function argumentItems(tasks: readonly PlanTask[]): { names: string[]; values: string[] } {
  const nameOf = new Map(tasks.map((t) => [t.id, t.task]));
  const names: string[] = [];
  const values: string[] = [];
  for (const t of tasks) {
    for (const [arg, raw] of Object.entries(t.args)) {
      const value = raw.trim().replace(RESOURCE_REF_PATTERN, (ref, id: string) => {
        const source = nameOf.get(Number(id));
        return source === undefined ? ref : `<${source}>`;
      });
      names.push(`${t.task}.${arg}`);
      values.push(`${t.task}.${arg}=${value}`);
    }
  }
  return { names, values };
}

function counts(predicted: readonly string[], expected: readonly string[]): MatchCounts {
  return { matched: multisetIntersectionSize(predicted, expected), predicted: predicted.length, expected: expected.length };
}

const edgeKey = (e: NamedEdge): string => JSON.stringify(e);
const keyEdge = (k: string): NamedEdge => JSON.parse(k) as NamedEdge;

/** Compares a predicted plan with the expected one; task names are compared exactly as written. */
export function comparePlans(expected: readonly PlanTask[], predicted: readonly PlanTask[]): PlanComparison {
  const expectedNames = taskNameSequence(expected);
  const predictedNames = taskNameSequence(predicted);
  const expectedEdges = dependencyEdges(expected).map(edgeKey);
  const predictedEdges = dependencyEdges(predicted).map(edgeKey);
  const expectedArgs = argumentItems(expected);
  const predictedArgs = argumentItems(predicted);
  const missingTasks = multisetDifference(expectedNames, predictedNames);
  const extraTasks = multisetDifference(predictedNames, expectedNames);
  return {
    names: counts(predictedNames, expectedNames),
    edges: counts(predictedEdges, expectedEdges),
    argNames: counts(predictedArgs.names, expectedArgs.names),
    argValues: counts(predictedArgs.values, expectedArgs.values),
    exactMatch: missingTasks.length === 0 && extraTasks.length === 0,
    editDistance: normalizedEditDistance(predictedNames, expectedNames),
    missingTasks,
    extraTasks,
    missingEdges: multisetDifference(expectedEdges, predictedEdges).map(keyEdge),
    extraEdges: multisetDifference(predictedEdges, expectedEdges).map(keyEdge),
    missingArgs: multisetDifference(expectedArgs.values, predictedArgs.values),
    extraArgs: multisetDifference(predictedArgs.values, expectedArgs.values),
  };
}
