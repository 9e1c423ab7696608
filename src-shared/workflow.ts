// Reusable workflows: an executed graph whose user-given files and texts became named inputs.
import { z } from 'zod';
import { PlanTaskSchema, type PlanTask } from './plan';
import type { Selections } from './selection';

/** The newest workflow file version; older files are migrated forward on load. */
export const WORKFLOW_VERSION = 1;

export const WorkflowInputSchema = z.object({
  name: z.string().regex(/^[a-z][a-z0-9_]*$/, 'input names are lower-case words (a-z, 0-9, _)'),
  modality: z.enum(['text', 'image', 'audio', 'video', 'table']),
  description: z.string().default(''),
  /** The value used when the input is not given: literal text, or the file the user originally gave. */
  default: z.string().optional(),
  /** For files: the stored copy of the default (hash and extension in the data folder's resource store). */
  defaultResource: z.object({ hash: z.string().regex(/^[0-9a-f]{64}$/), ext: z.string(), mime: z.string(), size: z.number(), name: z.string().optional() }).optional(),
});
export type WorkflowInput = z.infer<typeof WorkflowInputSchema>;

export const PinnedModelSchema = z.object({ model: z.string(), endpoint: z.string(), reason: z.string().default('') });

/** A workflow file. Task arguments refer to inputs as `{{name}}` and to other tasks as `<resource>-N`. */
export const WorkflowSchema = z.object({
  version: z.literal(WORKFLOW_VERSION),
  name: z.string().min(1),
  description: z.string().default(''),
  createdAt: z.string(),
  /** The request the graph was planned from, for reference. */
  request: z.string().optional(),
  inputs: z.array(WorkflowInputSchema),
  tasks: z.array(PlanTaskSchema),
  models: z.record(z.string(), PinnedModelSchema),
  /** Node positions on the canvas; ignored by the executor. */
  layout: z.record(z.string(), z.object({ x: z.number(), y: z.number() })).default({}),
});
export type Workflow = z.infer<typeof WorkflowSchema>;

/** Matches `{{name}}` input placeholders. */
export const INPUT_PLACEHOLDER = /\{\{([a-z][a-z0-9_]*)\}\}/g;

/** The workflow's tasks with each `{{name}}` replaced by `valueOf(name)` (left as it is when undefined). */
export function fillInputs(workflow: Pick<Workflow, 'tasks'>, valueOf: (name: string) => string | undefined): PlanTask[] {
  return workflow.tasks.map((task) => ({
    ...task,
    args: Object.fromEntries(Object.entries(task.args).map(([port, value]) => [port, value.replace(INPUT_PLACEHOLDER, (m, name: string) => valueOf(name) ?? m)])),
  }));
}

/** The models a workflow pins, as selections the user made. */
export function pinnedSelections(workflow: Pick<Workflow, 'models'>): Selections {
  const selections: Selections = {};
  for (const [id, pinned] of Object.entries(workflow.models)) {
    selections[Number(id)] = { taskId: Number(id), model: pinned.model, endpoint: pinned.endpoint, reason: pinned.reason || 'pinned in the workflow', method: 'user' };
  }
  return selections;
}
