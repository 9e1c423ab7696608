// Fills a workflow's inputs to get a runnable graph, with its pinned models as selections.
import type { PlanTask } from '../../../src-shared/plan';
import type { ResourceRef } from '../../../src-shared/resources';
import type { Selections } from '../../../src-shared/selection';
import { fillInputs, pinnedSelections, type Workflow } from '../../../src-shared/workflow';
import { StudioError } from '../../../src-shared/contract-error';

/** A value given for an input: text, or a stored file with the name to show for it. */
export type InputValue = { text: string } | { file: ResourceRef; name: string };

/** A graph ready for the executor. */
export interface WorkflowInstance {
  tasks: PlanTask[];
  selections: Selections;
  userResources: Record<string, ResourceRef>;
}

/**
 * Substitutes `{{name}}` placeholders with given values or defaults; unknown or missing inputs are refused.
 * @example instantiateWorkflow(workflow, { photo: { file: ref, name: 'new.jpg' } })
 */
export function instantiateWorkflow(workflow: Workflow, values: Record<string, InputValue>): WorkflowInstance {
  const names = new Set(workflow.inputs.map((i) => i.name));
  for (const name of Object.keys(values)) {
    if (!names.has(name)) throw new StudioError('invalid-input', `the workflow has no input "${name}" (inputs: ${[...names].join(', ') || 'none'})`);
  }
  const userResources: Record<string, ResourceRef> = {};
  const resolved = new Map<string, string>();
  for (const input of workflow.inputs) {
    const given = values[input.name];
    if (given && 'file' in given) {
      userResources[given.name] = given.file;
      resolved.set(input.name, given.name);
    } else if (given) {
      resolved.set(input.name, given.text);
    } else if (input.defaultResource && input.default !== undefined) {
      userResources[input.default] = input.defaultResource;
      resolved.set(input.name, input.default);
    } else if (input.default !== undefined) {
      resolved.set(input.name, input.default);
    } else {
      throw new StudioError('invalid-input', `input "${input.name}" has no value and no default: give it with --input ${input.name}=...`);
    }
  }
  return { tasks: fillInputs(workflow, (name) => resolved.get(name)), selections: pinnedSelections(workflow), userResources };
}
