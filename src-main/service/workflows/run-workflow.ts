// "Run a workflow": the one use case the CLI's `workflow run` and the app's Workflows panel both call.
import type { RunEvent } from '../../../src-shared/run-events';
import type { Workflow } from '../../../src-shared/workflow';
import type { Conversation } from '../../engine/conversation';
import { instantiateWorkflow, type InputValue, type WorkflowInstance } from './instantiate-workflow';

/** What a started workflow run gives back: the graph it runs and the run's handle. */
export interface WorkflowRun {
  instance: WorkflowInstance;
  handle: ReturnType<Conversation['execute']>;
}

/**
 * Fills the workflow's inputs and starts its graph in `conversation`, with no planning call; unchanged nodes
 * come from the cache. Throws (StudioError) when an input is missing or of the wrong kind.
 * @example const { handle } = startWorkflowRun(conversation, workflow, { image: { file, name: 'a.jpg' } }, { onEvent })
 */
export function startWorkflowRun(
  conversation: Conversation,
  workflow: Workflow,
  values: Record<string, InputValue>,
  options: { workflowRef?: { id?: string; name: string }; onEvent?: (event: RunEvent) => void } = {},
): WorkflowRun {
  const instance = instantiateWorkflow(workflow, values);
  Object.assign(conversation.userResources, instance.userResources);
  const handle = conversation.execute(instance.tasks, instance.selections, {
    workflow: options.workflowRef ?? { name: workflow.name },
    onEvent: options.onEvent,
  });
  return { instance, handle };
}
