// The plan as a graph: who waits for whom, what lies downstream, the order to run in, and cycles. The
// executor, the plan validator and the editor all walk the graph through these functions.
import { depsOf, type PlanTask } from './plan';

/** Dependencies and dependents by task id, for the tasks of one plan (edges to unknown ids left out). */
export interface PlanGraph {
  /** Task ids in plan order (the first task of a repeated id). */
  ids: number[];
  deps: Map<number, number[]>;
  dependents: Map<number, number[]>;
}

/**
 * The graph of `tasks` by their `dep` lists. Self-dependencies and dependencies on ids not in the plan are
 * not edges (the validator reports them).
 * @example downstreamOf(planGraph(tasks), [2]) // task 2 and everything that uses its output
 */
export function planGraph(tasks: ReadonlyArray<Pick<PlanTask, 'id' | 'dep'>>): PlanGraph {
  const ids: number[] = [];
  const deps = new Map<number, number[]>();
  for (const task of tasks) {
    if (deps.has(task.id)) continue;
    ids.push(task.id);
    deps.set(task.id, [...new Set(depsOf(task as PlanTask))]);
  }
  const dependents = new Map<number, number[]>(ids.map((id) => [id, []]));
  for (const id of ids) {
    const kept = deps.get(id)!.filter((d) => d !== id && deps.has(d));
    deps.set(id, kept);
    for (const d of kept) dependents.get(d)!.push(id);
  }
  return { ids, deps, dependents };
}

/** Every id reachable from `roots` along `next`, the roots included (ids not in the graph ignored). */
function reach(next: Map<number, number[]>, roots: Iterable<number>): Set<number> {
  const found = new Set<number>();
  const stack = [...roots].filter((id) => next.has(id));
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (found.has(id)) continue;
    found.add(id);
    stack.push(...next.get(id)!);
  }
  return found;
}

/** `roots` and every task that uses, directly or not, an output of one of them. */
export const downstreamOf = (graph: PlanGraph, roots: Iterable<number>): Set<number> => reach(graph.dependents, roots);

/** `id` and every task whose output it uses, directly or not. */
export const upstreamOf = (graph: PlanGraph, id: number): Set<number> => reach(graph.deps, [id]);

/**
 * A run order (Kahn's algorithm: dependencies first, plan order among ready tasks) and the tasks that can
 * never run because they are on a cycle or wait for one.
 */
export function topologicalOrder(graph: PlanGraph): { order: number[]; blocked: number[] } {
  const pending = new Map(graph.ids.map((id) => [id, graph.deps.get(id)!.length]));
  const position = new Map(graph.ids.map((id, i) => [id, i]));
  const ready = graph.ids.filter((id) => pending.get(id) === 0);
  const order: number[] = [];
  while (ready.length > 0) {
    ready.sort((a, b) => position.get(a)! - position.get(b)!);
    const id = ready.shift()!;
    order.push(id);
    for (const next of graph.dependents.get(id)!) {
      const left = pending.get(next)! - 1;
      pending.set(next, left);
      if (left === 0) ready.push(next);
    }
  }
  return { order, blocked: graph.ids.filter((id) => pending.get(id)! > 0) };
}

/** Each dependency cycle once, as the path of ids around it (first id repeated at the end). */
export function findCycles(graph: PlanGraph): number[][] {
  const state = new Map<number, 'active' | 'done'>();
  const found: number[][] = [];
  const visit = (id: number, path: number[]): void => {
    state.set(id, 'active');
    for (const dep of graph.deps.get(id)!) {
      if (state.get(dep) === 'active') found.push([...path.slice(path.indexOf(dep)), dep]);
      else if (!state.has(dep)) visit(dep, [...path, dep]);
    }
    state.set(id, 'done');
  };
  for (const id of graph.ids) if (!state.has(id)) visit(id, [id]);
  return found;
}
