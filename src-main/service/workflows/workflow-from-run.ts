// Turns an executed graph into a reusable workflow: user-given files and literal texts become named inputs.
import type { PlanTask } from '../../../src-shared/plan';
import type { ResourceRef } from '../../../src-shared/resources';
import type { Selections } from '../../../src-shared/selection';
import { findTaskType, type Modality } from '../../../src-shared/tasks';
import { WORKFLOW_VERSION, type Workflow, type WorkflowInput } from '../../../src-shared/workflow';

/** What a workflow is made from. */
export interface WorkflowSource {
  name: string;
  description?: string;
  request?: string;
  tasks: PlanTask[];
  selections: Selections;
  userResources: Record<string, ResourceRef>;
  layout?: Workflow['layout'];
}

/** A readable input name from a file name or a port: `boy-photo.jpg` -> `boy_photo`. */
function baseName(value: string, fallback: string): string {
  const stem = value.split(/[\\/]/).pop()!.replace(/\.[^.]+$/, '');
  const name = stem.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  return /^[a-z]/.test(name) ? name.slice(0, 40) : fallback;
}

function modalityOf(task: PlanTask, port: string): Modality {
  return findTaskType(task.task)?.inputs.find((p) => p.name === port)?.modality ?? 'text';
}

/**
 * Builds a workflow from a graph; every literal argument (file or text) becomes an input with its value as default.
 * @example workflowFromRun({ name: 'pose', tasks, selections, userResources })
 */
export function workflowFromRun(source: WorkflowSource): Workflow {
  const inputs: WorkflowInput[] = [];
  const byValue = new Map<string, string>();
  const taken = new Set<string>();
  const inputFor = (value: string, modality: Modality, port: string): string => {
    const known = byValue.get(value);
    if (known) return known;
    const resource = source.userResources[value];
    let name = resource ? baseName(value, modality) : port.replace(/[^a-z0-9_]/g, '_') || 'text';
    for (let i = 2; taken.has(name); i++) name = `${name.replace(/_\d+$/, '')}_${i}`;
    taken.add(name);
    byValue.set(value, name);
    inputs.push({
      name,
      modality: resource ? modality : 'text',
      description: resource ? `the ${modality} file (was ${value})` : `text for ${port}`,
      default: value,
      defaultResource: resource,
    });
    return name;
  };
  const tasks = source.tasks.map((task) => {
    const args: Record<string, string> = {};
    for (const [port, value] of Object.entries(task.args)) {
      const isLiteral = !/<resource>-\d+/.test(value);
      args[port] = isLiteral ? `{{${inputFor(value, modalityOf(task, port), port)}}}` : value;
    }
    return { ...task, args };
  });
  const models: Workflow['models'] = {};
  for (const task of source.tasks) {
    const s = source.selections[task.id];
    if (s) models[String(task.id)] = { model: s.model, endpoint: s.endpoint, reason: s.reason };
  }
  return {
    version: WORKFLOW_VERSION,
    name: source.name,
    description: source.description ?? '',
    createdAt: new Date().toISOString(),
    request: source.request,
    inputs,
    tasks,
    models,
    layout: source.layout ?? {},
  };
}
