// The plan as a graph: nodes with their dependencies and dependents, checked once before the run.
import { depsOf, type PlanTask } from '../../../src-shared/plan';
import { findTaskType, type TaskTypeSpec } from '../../../src-shared/tasks';

/** One task of the graph. `spec` is missing for an unknown task type. */
export interface GraphNode {
  task: PlanTask;
  spec?: TaskTypeSpec;
  deps: number[];
  dependents: number[];
  /** Why the node is refused before running (unknown type, missing dependency, cycle). */
  problem?: string;
}

/** The tasks by id, in plan order. */
export interface TaskGraph {
  nodes: Map<number, GraphNode>;
  order: number[];
}

/** Builds the graph, marking nodes that cannot run: unknown type, duplicate id, missing or cyclic dependency. */
export function buildTaskGraph(tasks: PlanTask[]): TaskGraph {
  const nodes = new Map<number, GraphNode>();
  const order: number[] = [];
  for (const task of tasks) {
    if (nodes.has(task.id)) {
      nodes.get(task.id)!.problem = `task id ${task.id} is used twice in the plan`;
      continue;
    }
    const spec = findTaskType(task.task);
    const deps = [...new Set(depsOf(task))];
    nodes.set(task.id, { task, spec, deps, dependents: [], problem: spec ? undefined : `unknown task type "${task.task}"` });
    order.push(task.id);
  }
  for (const id of order) {
    const node = nodes.get(id)!;
    for (const dep of node.deps) {
      const upstream = nodes.get(dep);
      if (!upstream) node.problem ??= `depends on task ${dep}, which is not in the plan`;
      else if (dep === id) node.problem ??= 'depends on itself';
      else upstream.dependents.push(id);
    }
  }
  markCycles(nodes, order);
  return { nodes, order };
}

/** Kahn's algorithm: nodes never freed are in (or behind) a cycle. */
function markCycles(nodes: Map<number, GraphNode>, order: number[]): void {
  const pending = new Map<number, number>();
  const ready: number[] = [];
  for (const id of order) {
    const count = nodes.get(id)!.deps.filter((d) => d !== id && nodes.has(d)).length;
    pending.set(id, count);
    if (count === 0) ready.push(id);
  }
  let freed = 0;
  while (ready.length > 0) {
    const id = ready.pop()!;
    freed += 1;
    for (const next of nodes.get(id)!.dependents) {
      const left = pending.get(next)! - 1;
      pending.set(next, left);
      if (left === 0) ready.push(next);
    }
  }
  if (freed === order.length) return;
  for (const id of order) {
    if (pending.get(id)! > 0) nodes.get(id)!.problem ??= 'is part of (or depends on) a dependency cycle';
  }
}

/** Whether `ancestor` is upstream of `id` (direct dependencies first, then a walk up the graph). */
export function isUpstream(graph: TaskGraph, id: number, ancestor: number): boolean {
  const start = graph.nodes.get(id);
  if (!start) return false;
  if (start.deps.includes(ancestor)) return true;
  const seen = new Set<number>([id]);
  const stack = [...start.deps];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (current === ancestor) return true;
    if (seen.has(current)) continue;
    seen.add(current);
    const node = graph.nodes.get(current);
    if (node) stack.push(...node.deps);
  }
  return false;
}

/** `roots` and every task downstream of them. */
export function downstreamOf(graph: TaskGraph, roots: number[]): Set<number> {
  const found = new Set<number>();
  const stack = roots.filter((id) => graph.nodes.has(id));
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (found.has(id)) continue;
    found.add(id);
    stack.push(...graph.nodes.get(id)!.dependents);
  }
  return found;
}
