// The contract's workflows.* and runs.* channels: the workflows library, running a workflow without a
// planning call, the run history, and adopting a recorded run so it can be edited and re-run.
import type { EmitEvent, StudioHandlers } from '../../src-shared/contract';
import type { Conversation } from '../engine/conversation';
import type { InputValue } from './workflows/instantiate-workflow';
import { startWorkflowRun } from './workflows/run-workflow';
import { workflowFromRun } from './workflows/workflow-from-run';
import { FsRunRecorder } from '../platform/fs-run-recorder';
import { RunHistory } from './run-history';
import { parseWorkflowText, WorkflowLibrary } from './workflows/workflow-library';

/** The channels this file serves. */
export type LibraryChannel = Extract<keyof StudioHandlers, `workflows.${string}` | `runs.${string}`>;

/** What the library handlers need from the runtime. */
export interface LibraryHandlerOptions {
  dataDir: string;
  emit: EmitEvent;
  /** The conversation with this id, or a new one. */
  conversation: (id?: string) => Conversation;
  /** Notes which conversation owns a run (for run.cancel and response.generate). */
  ownRun: (runId: string, owner: Conversation) => void;
}

/**
 * Creates the handlers of the workflows.* and runs.* channels for one data folder.
 * @example const handlers = { ...createLibraryHandlers({ dataDir, emit, conversation, ownRun }) }
 */
export function createLibraryHandlers(options: LibraryHandlerOptions): Pick<StudioHandlers, LibraryChannel> {
  const library = new WorkflowLibrary(options.dataDir);
  const history = new RunHistory(new FsRunRecorder(options.dataDir));

  return {
    'workflows.list': ({ query, deleted }) => library.list({ query, deleted }),
    'workflows.get': ({ id }) => library.read(id),
    'workflows.save': async ({ name, description, conversationId, request, tasks, selections, layout, replaces }) => {
      const userResources = conversationId ? options.conversation(conversationId).userResources : {};
      const workflow = workflowFromRun({ name: name.trim() || 'Untitled workflow', description, request, tasks, selections, userResources, layout });
      return replaces ? library.update(replaces, workflow) : library.add(workflow);
    },
    'workflows.rename': async ({ id, name, description }) => {
      const { workflow } = await library.read(id);
      return library.replace(id, { ...workflow, name: name.trim() || workflow.name, description: description ?? workflow.description });
    },
    'workflows.duplicate': async ({ id }) => {
      const { workflow } = await library.read(id);
      return library.add({ ...workflow, name: `${workflow.name} (copy)`, createdAt: new Date().toISOString() });
    },
    'workflows.delete': ({ id }) => library.remove(id),
    'workflows.restore': ({ id }) => library.restore(id),
    'workflows.import': async ({ fileName, text }) => library.add(parseWorkflowText(text, fileName)),
    'workflows.export': async ({ id }) => {
      const { workflow } = await library.read(id);
      return { fileName: `${id}.workflow.json`, text: `${JSON.stringify(workflow, null, 2)}\n` };
    },
    'workflows.run': async ({ id, inputs }) => {
      const { workflow } = await library.read(id);
      const values: Record<string, InputValue> = {};
      for (const [name, value] of Object.entries(inputs)) values[name] = 'text' in value ? { text: value.text } : { file: value.resource, name: value.name };
      const conversation = options.conversation();
      const { instance, handle } = startWorkflowRun(conversation, workflow, values, {
        workflowRef: { id, name: workflow.name },
        onEvent: (event) => options.emit('run.event', event),
      });
      options.ownRun(handle.runId, conversation);
      return { runId: handle.runId, conversationId: conversation.id, tasks: instance.tasks, selections: instance.selections, layout: workflow.layout };
    },
    'runs.list': ({ status }) => history.list(status),
    'runs.get': ({ runId }) => history.detail(runId),
    'runs.compare': ({ a, b }) => history.compare(a, b),
    'runs.adopt': async ({ runId }) => {
      const record = await history.record(runId);
      const conversation = options.conversation();
      conversation.adoptRun(record);
      options.ownRun(runId, conversation);
      return { conversationId: conversation.id };
    },
  };
}
