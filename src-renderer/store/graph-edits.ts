// Pure edits of the task list: the plan's `dep` and `<resource>-N` arguments always move together.
import { depsOf, referencedIds, resourceRef, type PlanTask } from '../../src-shared/plan';
import { downstreamOf, planGraph } from '../../src-shared/plan-graph';
import { findTaskType, type Modality } from '../../src-shared/tasks';
import { inputModality, outputFor, portsOf } from './ports';

/** One edge of the graph: `source`'s output feeds `target`'s argument `targetPort` (absent: a bare `dep`). */
export type GraphEdge = { id: string; source: number; target: number; sourcePort?: string; targetPort?: string; modality?: Modality };

/** What a connection attempt names. */
export type ConnectionRequest = { source: number; target: number; targetPort: string; sourcePort?: string };

/** An edit's outcome: the new tasks and the ids whose meaning changed, or why it was refused. */
export type EditResult = { ok: true; tasks: PlanTask[]; affected: number[] } | { ok: false; message: string };

/** "Task 3: object-detection", the name a node goes by. */
export const taskLabel = (t: Pick<PlanTask, 'id' | 'task'>): string => `Task ${t.id}: ${t.task}`;

const unique = (ids: number[]) => [...new Set(ids)].sort((a, b) => a - b);
const refsOfArgs = (args: Record<string, string>) => unique(Object.values(args).flatMap(referencedIds));

/** `task` with new arguments and `dep` recomputed: references in args plus the bare deps it had. */
export function withArgs(task: PlanTask, args: Record<string, string>): PlanTask {
  const oldRefs = refsOfArgs(task.args);
  const bare = depsOf(task).filter((d) => !oldRefs.includes(d));
  const dep = unique([...bare, ...refsOfArgs(args)]);
  return { ...task, args, dep: dep.length ? dep : [-1] };
}

/** Every edge, derived from references in arguments and bare `dep` entries. */
export function edgesOf(tasks: readonly PlanTask[]): GraphEdge[] {
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const edges: GraphEdge[] = [];
  for (const t of tasks) {
    const referenced = new Set<number>();
    for (const [key, value] of Object.entries(t.args)) {
      for (const source of unique(referencedIds(value))) {
        const producer = byId.get(source);
        if (!producer || source === t.id) continue;
        referenced.add(source);
        const modality = inputModality(t, key) ?? 'text';
        const port = outputFor(producer, modality) ?? portsOf(producer).outputs[0];
        edges.push({ id: `${source}->${t.id}:${key}`, source, target: t.id, sourcePort: port?.name, targetPort: key, modality });
      }
    }
    for (const d of depsOf(t)) {
      if (!referenced.has(d) && byId.has(d) && d !== t.id) edges.push({ id: `${d}->${t.id}`, source: d, target: t.id });
    }
  }
  return edges;
}

/** The ids of tasks that (transitively) use an output of any of `ids`, not including `ids`. */
export function dependentsOf(tasks: readonly PlanTask[], ids: readonly number[]): number[] {
  const downstream = downstreamOf(planGraph(tasks), ids);
  for (const id of ids) downstream.delete(id);
  return unique([...downstream]);
}

/** Why `source` cannot feed `target.targetPort`, or undefined when it can. */
export function connectionProblem(tasks: readonly PlanTask[], req: ConnectionRequest): string | undefined {
  const source = tasks.find((t) => t.id === req.source);
  const target = tasks.find((t) => t.id === req.target);
  if (!source || !target) return 'That task no longer exists.';
  if (source.id === target.id) return 'A task cannot use its own output.';
  const needs = inputModality(target, req.targetPort);
  if (!needs) return `${taskLabel(target)} has no input "${req.targetPort}".`;
  const offered = req.sourcePort ? portsOf(source).outputs.find((p) => p.name === req.sourcePort) : outputFor(source, needs);
  if (!offered || offered.modality !== needs) {
    const gives = offered?.modality ?? portsOf(source).outputs.map((p) => p.modality).join(' / ');
    return `Cannot connect: ${taskLabel(source)} produces ${gives}, but input "${req.targetPort}" of ${taskLabel(target)} needs ${needs}.`;
  }
  if (dependentsOf(tasks, [target.id]).includes(source.id)) {
    return `Cannot connect: ${taskLabel(target)} already feeds ${taskLabel(source)}; this would make a cycle.`;
  }
  return undefined;
}

/** Makes `source`'s output the value of `target.targetPort` (replacing what was there). */
export function connectTasks(tasks: readonly PlanTask[], req: ConnectionRequest): EditResult {
  const problem = connectionProblem(tasks, req);
  if (problem) return { ok: false, message: problem };
  const next = tasks.map((t) => (t.id === req.target ? withArgs(t, { ...t.args, [req.targetPort]: resourceRef(req.source) }) : t));
  return { ok: true, tasks: next, affected: [req.target] };
}

const stripRef = (value: string, id: number) =>
  value.replace(new RegExp(`<resource>-${id}(?!\\d)`, 'g'), '').replace(/\s{2,}/g, ' ').trim();

/** Removes one edge: the reference in the target's argument (left empty) or the bare `dep`. */
export function disconnect(tasks: readonly PlanTask[], edge: Pick<GraphEdge, 'source' | 'target' | 'targetPort'>): EditResult {
  const target = tasks.find((t) => t.id === edge.target);
  if (!target) return { ok: false, message: 'That task no longer exists.' };
  let updated: PlanTask;
  if (edge.targetPort !== undefined && edge.targetPort in target.args) {
    updated = withArgs(target, { ...target.args, [edge.targetPort]: stripRef(target.args[edge.targetPort], edge.source) });
  } else {
    const dep = depsOf(target).filter((d) => d !== edge.source);
    updated = { ...target, dep: dep.length ? dep : [-1] };
  }
  return { ok: true, tasks: tasks.map((t) => (t.id === target.id ? updated : t)), affected: [target.id] };
}

/** Deletes tasks; their users lose the references (arguments left empty) and the `dep` entries. */
export function removeTasks(tasks: readonly PlanTask[], ids: readonly number[]): EditResult {
  const gone = new Set(ids);
  const affected: number[] = [];
  const next: PlanTask[] = [];
  for (const t of tasks) {
    if (gone.has(t.id)) continue;
    const hit = depsOf(t).some((d) => gone.has(d)) || refsOfArgs(t.args).some((d) => gone.has(d));
    if (!hit) {
      next.push(t);
      continue;
    }
    affected.push(t.id);
    let args = t.args;
    for (const id of gone) args = Object.fromEntries(Object.entries(args).map(([k, v]) => [k, stripRef(v, id)]));
    const updated = withArgs(t, args);
    const dep = depsOf(updated).filter((d) => !gone.has(d));
    next.push({ ...updated, dep: dep.length ? dep : [-1] });
  }
  return { ok: true, tasks: next, affected };
}

/** A new task of `type` with the next free id and an empty value for each required input. */
export function newTask(tasks: readonly PlanTask[], type: string): PlanTask {
  const id = tasks.reduce((max, t) => Math.max(max, t.id + 1), 0);
  const spec = findTaskType(type);
  const args = Object.fromEntries((spec?.inputs ?? []).filter((p) => !p.optional).map((p) => [p.name, '']));
  return { id, task: spec?.type ?? type, dep: [-1], args };
}

/** Sets (or with `undefined`, removes) one argument of a task. */
export function setArgument(tasks: readonly PlanTask[], id: number, key: string, value: string | undefined): EditResult {
  const task = tasks.find((t) => t.id === id);
  if (!task) return { ok: false, message: 'That task no longer exists.' };
  const args = { ...task.args };
  if (value === undefined) delete args[key];
  else args[key] = value;
  const bad = refsOfArgs(args).find((r) => r === id || !tasks.some((t) => t.id === r) || dependentsOf(tasks, [id]).includes(r));
  if (bad !== undefined) return { ok: false, message: `"${resourceRef(bad)}" cannot be used here: ${bad === id ? 'it is this task' : dependentsOf(tasks, [id]).includes(bad) ? 'it would make a cycle' : 'no such task'}.` };
  return { ok: true, tasks: tasks.map((t) => (t.id === id ? withArgs(task, args) : t)), affected: [id] };
}

/**
 * Copies of `copied` added to `tasks` under new ids. References between copied tasks follow the copies;
 * references to other tasks still point at the originals (a copy can only be downstream, so no cycle forms).
 * @example pasteTasks(tasks, [tasks[1], tasks[2]]).idMap.get(1) // the id of task 1's copy
 */
export function pasteTasks(tasks: readonly PlanTask[], copied: readonly PlanTask[]): { tasks: PlanTask[]; idMap: Map<number, number> } {
  const first = tasks.reduce((max, t) => Math.max(max, t.id + 1), 0);
  const idMap = new Map(copied.map((t, i) => [t.id, first + i]));
  const live = new Set(tasks.map((t) => t.id));
  const pasted = copied.map((task): PlanTask => {
    const args = Object.fromEntries(Object.entries(task.args).map(([key, value]) => [
      key,
      value.replace(/<resource>-(\d+)/g, (ref, n: string) => (idMap.has(Number(n)) ? resourceRef(idMap.get(Number(n))!) : ref)),
    ]));
    const deps = refsOfArgs(args).filter((id) => live.has(id) || [...idMap.values()].includes(id));
    return { id: idMap.get(task.id)!, task: task.task, dep: deps.length ? deps : [-1], args };
  });
  return { tasks: [...tasks, ...pasted], idMap };
}
