// The workflows library and the run history, as the UI uses them: engine calls whose answers go to the store.
import { messageOf } from '../../src-shared/contract-error';
import { fillInputs, pinnedSelections } from '../../src-shared/workflow';
import type { Attachment } from '../../src-shared/contract';
import type { WorkflowInputValue } from '../../src-shared/library';
import type { StudioClient } from '../api/transport';
import type { StudioStore } from '../store/studio-store';
import { isRunning } from '../store/studio-state';

/** A value the run form gives for one input: text, or a file picked by the user. */
export type FormInputValue = { text: string } | { file: File };

/** What the library panels ask of the engine. */
export type LibraryActions = ReturnType<typeof createLibraryActions>;


/** The library actions over `client` and `store`; `upload` stores a picked file; `mayReplaceGraph` asks before an edited graph is replaced. */
export function createLibraryActions(client: StudioClient, store: StudioStore, upload: (file: File) => Promise<Attachment>, mayReplaceGraph: () => boolean = () => true) {
  const state = () => store.getState();

  return {
    /** Saves the graph on the canvas as a workflow of the library. */
    async saveWorkflow(name: string, description: string): Promise<boolean> {
      const s = state();
      try {
        const entry = await client.invoke('workflows.save', {
          name, description, conversationId: s.conversationId, tasks: s.tasks, selections: s.selections,
          request: s.chat.filter((m) => m.role === 'user').at(-1)?.text,
          layout: Object.fromEntries(Object.entries(s.layout.positions).map(([id, xy]) => [id, { x: Math.round(xy.x), y: Math.round(xy.y) }])),
        });
        state().notify(`Saved workflow "${entry.name}" (inputs: ${entry.inputs.map((i) => i.name).join(', ') || 'none'}).`);
        return true;
      } catch (e) {
        state().notify(`The workflow could not be saved: ${messageOf(e)}`, 'error');
        return false;
      }
    },
    /** Puts a workflow's graph on the canvas, its inputs filled with their defaults; Run runs it with them. */
    async openWorkflow(id: string): Promise<void> {
      if (!mayReplaceGraph()) return;
      const { entry, workflow } = await client.invoke('workflows.get', { id });
      const defaults = new Map(workflow.inputs.map((i) => [i.name, i.default ?? `{{${i.name}}}`]));
      const tasks = fillInputs(workflow, (name) => defaults.get(name));
      const selections = pinnedSelections(workflow);
      state().graphLoaded({ tasks, selections, positions: Object.fromEntries(Object.entries(workflow.layout).map(([k, v]) => [Number(k), v])), origin: { kind: 'workflow', id, name: entry.name } });
    },
    /** Runs a workflow with the given inputs (files are uploaded first) and shows it on the canvas. */
    async runWorkflow(id: string, values: Record<string, FormInputValue>): Promise<void> {
      if (isRunning(state()) || !mayReplaceGraph()) return;
      const inputs: Record<string, WorkflowInputValue> = {};
      for (const [name, value] of Object.entries(values)) {
        if ('text' in value) inputs[name] = value;
        else {
          const stored = await upload(value.file);
          inputs[name] = { resource: stored.resource, name: stored.name };
        }
      }
      const { entry } = await client.invoke('workflows.get', { id });
      state().runStarting();
      try {
        const started = await client.invoke('workflows.run', { id, inputs });
        state().graphLoaded({
          tasks: started.tasks, selections: started.selections, conversationId: started.conversationId,
          positions: Object.fromEntries(Object.entries(started.layout).map(([k, v]) => [Number(k), v])),
          origin: { kind: 'workflow', id, name: entry.name },
        });
        state().runStarted(started.runId);
      } catch (e) {
        state().failed(`The workflow could not run: ${messageOf(e)}`, 'run');
      }
    },
    /** Shows a past run on the canvas, read-only. */
    async openRun(runId: string): Promise<void> {
      if (!mayReplaceGraph()) return;
      state().runOpened(await client.invoke('runs.get', { runId }));
    },
    /** Makes the shown past run editable: later runs re-run only what changed and reuse its outputs. */
    async editFromRun(): Promise<boolean> {
      const shown = state().readOnly;
      if (!shown) return true;
      try {
        const { conversationId } = await client.invoke('runs.adopt', { runId: shown.runId });
        state().runAdopted(conversationId);
        return true;
      } catch (e) {
        state().notify(`This run cannot be edited: ${messageOf(e)}`, 'error');
        return false;
      }
    },
  };
}
