// Checks that an annotated request is a plan the app could run as written: the bar for the bundled evaluation set.
import { depsOf, referencedIds, type PlanTask } from '../../../src-shared/plan';
import { TASK_TYPES, type Modality, type TaskTypeSpec } from '../../../src-shared/tasks';
import type { EvalItem } from './dataset';

const SPEC_BY_TYPE = new Map<string, TaskTypeSpec>(TASK_TYPES.map((s) => [s.type, s]));
const EXACT_REF = /^<resource>-(\d+)$/;

/** Problems with one task's arguments: known ports, required ones present, files from the request, refs of the right modality. */
function argumentIssues(task: PlanTask, spec: TaskTypeSpec, plan: Map<number, PlanTask>, request: string): string[] {
  const issues: string[] = [];
  const where = `task ${task.id} (${task.task})`;
  for (const port of spec.inputs) {
    if (!port.optional && !(port.name in task.args)) issues.push(`${where}: missing argument "${port.name}"`);
  }
  for (const [name, value] of Object.entries(task.args)) {
    const port = spec.inputs.find((p) => p.name === name);
    if (!port) {
      issues.push(`${where}: "${name}" is not an input of ${spec.type} (inputs: ${spec.inputs.map((p) => p.name).join(', ')})`);
      continue;
    }
    if (!value.trim()) issues.push(`${where}: argument "${name}" is empty`);
    for (const id of referencedIds(value)) {
      const source = plan.get(id);
      const sourceSpec = source && SPEC_BY_TYPE.get(source.task);
      if (sourceSpec && !sourceSpec.outputs.some((o) => o.modality === port.modality)) {
        issues.push(`${where}: "${name}" wants ${port.modality} but task ${id} (${source.task}) gives none`);
      }
    }
    if (port.modality !== 'text') issues.push(...mediaArgumentIssues(where, name, value, port.modality, request));
  }
  return issues;
}

/** A non-text argument is either exactly one `<resource>-N` or a file the user named in the request. */
function mediaArgumentIssues(where: string, name: string, value: string, modality: Modality, request: string): string[] {
  if (EXACT_REF.test(value)) return [];
  if (!request.includes(value)) return [`${where}: ${modality} argument "${name}" = "${value}" is neither a <resource>-N nor a file named in the request`];
  return [];
}

/** Problems with a task's `dep`: [-1] exactly when it uses no output, else the earlier ids its arguments reference. */
function dependencyIssues(task: PlanTask): string[] {
  const where = `task ${task.id} (${task.task})`;
  const referenced = [...new Set(Object.values(task.args).flatMap(referencedIds))].sort((a, b) => a - b);
  const deps = depsOf(task);
  const issues: string[] = [];
  if (deps.length === 0 && (task.dep.length !== 1 || task.dep[0] !== -1)) issues.push(`${where}: dep must be [-1] when the task uses no output`);
  if (deps.length > 0 && deps.length !== task.dep.length) issues.push(`${where}: dep mixes -1 with task ids`);
  if (new Set(deps).size !== deps.length) issues.push(`${where}: dep repeats an id`);
  for (const d of deps) if (d >= task.id) issues.push(`${where}: depends on task ${d}, which does not come before it`);
  const sortedDeps = [...new Set(deps)].sort((a, b) => a - b);
  if (sortedDeps.join(',') !== referenced.join(',')) {
    issues.push(`${where}: dep [${sortedDeps.join(', ')}] differs from the referenced outputs [${referenced.join(', ')}]`);
  }
  return issues;
}

/** Whether the plan is one chain: task i uses exactly task i-1. */
function isChain(tasks: readonly PlanTask[]): boolean {
  return tasks.every((t, i) => (i === 0 ? depsOf(t).length === 0 : depsOf(t).length === 1 && depsOf(t)[0] === i - 1));
}

/** Problems with the request type: single is one task, sequential a chain of two or more, graph anything else with two or more. */
function shapeIssues(item: EvalItem): string[] {
  const n = item.tasks.length;
  if (item.type === 'single' && n !== 1) return [`a single request has exactly one task, not ${n}`];
  if (item.type === 'sequential' && (n < 2 || !isChain(item.tasks))) return ['a sequential request is a chain of two or more tasks, each using the previous one'];
  if (item.type === 'graph' && (n < 2 || isChain(item.tasks))) return ['a graph request has two or more tasks that do not form a single chain'];
  return [];
}

/** Every problem with one annotated request (empty when it is a correct, runnable annotation). */
export function annotationIssues(item: EvalItem): string[] {
  const issues: string[] = [];
  item.tasks.forEach((t, i) => {
    if (t.id !== i) issues.push(`task at position ${i} has id ${t.id}; ids must be 0..${item.tasks.length - 1} in order`);
  });
  const plan = new Map(item.tasks.map((t) => [t.id, t]));
  for (const task of item.tasks) {
    const spec = SPEC_BY_TYPE.get(task.task);
    if (!spec) {
      issues.push(`task ${task.id}: "${task.task}" is not a task type of src-shared/tasks.ts`);
      continue;
    }
    issues.push(...dependencyIssues(task), ...argumentIssues(task, spec, plan, item.request));
  }
  return [...issues, ...shapeIssues(item)];
}

/** The modalities a request's plan touches (inputs and outputs of its tasks). */
export function modalitiesOf(item: EvalItem): Set<Modality> {
  const found = new Set<Modality>();
  for (const task of item.tasks) {
    const spec = SPEC_BY_TYPE.get(task.task);
    for (const port of [...(spec?.inputs ?? []), ...(spec?.outputs ?? [])]) found.add(port.modality);
  }
  return found;
}
