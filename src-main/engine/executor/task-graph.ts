// The plan as a graph: nodes with their dependencies and dependents, checked once before the run.
import { depsOf, type PlanTask } from '../../../src-shared/plan';
import { downstreamOf as downstreamIds, planGraph, topologicalOrder, upstreamOf, type PlanGraph } from '../../../src-shared/plan-graph';
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
  /** The same tasks as the shared plan graph (src-shared/plan-graph.ts) walks them. */
  links: PlanGraph;
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
  const links = planGraph(order.map((id) => nodes.get(id)!.task));
  for (const id of topologicalOrder(links).blocked) nodes.get(id)!.problem ??= 'is part of (or depends on) a dependency cycle';
  return { nodes, order, links };
}

/** Whether `ancestor` is upstream of `id`. */
export function isUpstream(graph: TaskGraph, id: number, ancestor: number): boolean {
  return id !== ancestor && upstreamOf(graph.links, id).has(ancestor);
}

/** `roots` and every task downstream of them. */
export const downstreamOf = (graph: TaskGraph, roots: number[]): Set<number> => downstreamIds(graph.links, roots);
