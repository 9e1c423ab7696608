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


/** The library actions over `client` and `store`; `upload` stores a picked file. Graphs open in a tab of their own. */
export function createLibraryActions(client: StudioClient, store: StudioStore, upload: (file: File) => Promise<Attachment>) {
  const state = () => store.getState();

  return {
    /**
     * Saves the graph on the canvas in the library: over the workflow the tab came from (its previous version
     * goes to the trash) unless `asNew`, else as a new workflow. The tab then shows that workflow, saved.
     */
    async saveWorkflow(name: string, description: string, asNew = false): Promise<boolean> {
      const s = state();
      const replaces = !asNew && s.origin?.kind === 'workflow' ? s.origin.id : undefined;
      try {
        const entry = await client.invoke('workflows.save', {
          name, description, conversationId: s.conversationId, tasks: s.tasks, selections: s.selections,
          request: s.chat.filter((m) => m.role === 'user').at(-1)?.text,
          layout: Object.fromEntries(Object.entries(s.layout.positions).map(([id, xy]) => [id, { x: Math.round(xy.x), y: Math.round(xy.y) }])),
          ...(replaces ? { replaces } : {}),
        });
        // The tab may have changed while saving: only the tab that was saved is marked so.
        if (state().tabId === s.tabId) state().workflowSaved({ id: entry.id, name: entry.name });
        state().notify(`Saved workflow "${entry.name}" (inputs: ${entry.inputs.map((i) => i.name).join(', ') || 'none'}).`);
        return true;
      } catch (e) {
        state().notify(`The workflow could not be saved: ${messageOf(e)}`, 'error');
        return false;
      }
    },
    /** Shows a workflow's graph in its tab (a new one unless it is open already), inputs filled with their defaults; Run runs it with them. */
    async openWorkflow(id: string): Promise<void> {
      const { entry, workflow } = await client.invoke('workflows.get', { id });
      const origin = { kind: 'workflow', id, name: entry.name } as const;
      if (state().tabFor(origin) !== 'blank') return;
      const defaults = new Map(workflow.inputs.map((i) => [i.name, i.default ?? `{{${i.name}}}`]));
      const tasks = fillInputs(workflow, (name) => defaults.get(name));
      const selections = pinnedSelections(workflow);
      state().graphLoaded({ tasks, selections, positions: Object.fromEntries(Object.entries(workflow.layout).map(([k, v]) => [Number(k), v])), origin });
    },
    /**
     * Runs a workflow with the given inputs (files are uploaded first) and shows it: in a new tab, or in the
     * shown one when `here` (Run pressed on the opened workflow).
     */
    async runWorkflow(id: string, values: Record<string, FormInputValue>, here = false): Promise<void> {
      if (here && isRunning(state())) return;
      const inputs: Record<string, WorkflowInputValue> = {};
      for (const [name, value] of Object.entries(values)) {
        if ('text' in value) inputs[name] = value;
        else {
          const stored = await upload(value.file);
          inputs[name] = { resource: stored.resource, name: stored.name };
        }
      }
      const { entry } = await client.invoke('workflows.get', { id });
      if (!here && state().tabFor(undefined) === 'busy') return;
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
    /** Shows a past run, read-only, in its tab (a new one unless it is open already). */
    async openRun(runId: string): Promise<void> {
      const detail = await client.invoke('runs.get', { runId });
      if (state().tabFor({ kind: 'run', runId }) === 'blank') state().runOpened(detail);
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
