// The studio's side effects: calls the engine through the client and feeds the answers to the store.
import { messageOf } from '../../src-shared/contract-error';
import type { Attachment } from '../../src-shared/contract';
import type { Candidate } from '../../src-shared/selection';
import type { StudioClient } from '../api/transport';
import { createLibraryActions } from '../library/library-actions';
import { missingInputsMessage } from '../store/missing-inputs';
import { buildRunRequest, type RunScope } from '../store/run-request';
import type { StudioStore } from '../store/studio-store';
import { isRunning, tasksWithoutModel } from '../store/studio-state';
import { tabDocument, tabTitle } from '../store/tab-document';
import { createLlmStatusStore } from './llm-status';
import { createFrameBatcher } from './frame-batcher';

/** Error kinds of a failed LLM call (the engine's LlmError): planning then waits until the LLM answers again. */
const LLM_FAILURE_KINDS = new Set(['auth', 'network', 'timeout']);

/** What the UI asks of the engine. */
export type StudioController = ReturnType<typeof createController>;

const kindOf = (e: unknown) => (e && typeof e === 'object' && 'kind' in e ? String((e as { kind: unknown }).kind) : undefined);

/** Reads a file as base64 (without the data-URL prefix). */
async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** How the controller asks the user a yes/no question (the browser's confirm dialog by default). */
export type Confirm = (question: string) => boolean;

/** Wires `client` events into `store` and returns the actions with side effects. */
export function createController(client: StudioClient, store: StudioStore, confirm: Confirm = (q) => globalThis.confirm(q)) {
  const state = () => store.getState();
  /** Whether the graph on the canvas may be replaced: asks first when the user has edited it. */
  const mayReplaceGraph = (): boolean =>
    !state().edited || confirm('Replace the edited graph on the canvas? Your edits to it will be lost (save it as a workflow to keep them).');
  // A graph built by hand (no plan yet) still needs a conversation for the engine.
  const localConversation = `local-${Math.random().toString(36).slice(2, 10)}`;
  const candidateCache = new Map<string, Promise<Candidate[]>>();
  const upload = async (file: File): Promise<Attachment> => {
    const resource = await client.invoke('resources.upload', { name: file.name, base64: await fileToBase64(file) });
    return { name: file.name, resource };
  };
  const library = createLibraryActions(client, store, upload);
  const llm = createLlmStatusStore(client);
  // A streamed plan re-sends every task so far: only the latest delta of each animation frame is applied.
  const planDeltas = createFrameBatcher<Parameters<ReturnType<typeof state>['planDelta']>[0]>((batch) => state().planDelta(batch[batch.length - 1]));

  // Stage 4 by itself after a successful run when the setting asks for it (read at the end of each run).
  const respondIfAsked = async (runId: string): Promise<void> => {
    const { run } = state();
    if (run.activeRunId !== runId || run.summary?.status !== 'succeeded' || state().responding) return;
    try {
      if ((await client.invoke('settings.get', undefined)).execution.autoRespond) await generateResponse();
    } catch (e) {
      state().notify(`Settings could not be read: ${messageOf(e)}`, 'error');
    }
  };

  // A run that finished while its tab was hidden gets its answer when the tab is shown again.
  const answerShownTab = (): void => {
    const { run, chat } = state();
    if (run.activeRunId && run.summary && !chat.some((m) => m.runId === run.activeRunId)) void respondIfAsked(run.activeRunId);
  };

  const unsubscribe = [
    store.subscribe((next, prev) => {
      if (next.tabId !== prev.tabId) answerShownTab();
    }),
    client.on('plan.delta', (d) => planDeltas.push(d)),
    client.on('run.event', (e) => {
      state().runEvent(e);
      if (e.type === 'run-finished') void respondIfAsked(e.runId);
    }),
    client.on('response.delta', (d) => {
      if (state().responding) state().responseText(d.requestId, d.text, false);
    }),
  ];

  const ensureSelections = async (): Promise<void> => {
    const s = state();
    if (!tasksWithoutModel(s).length) return;
    const answer = await client.invoke('conversation.select', {
      conversationId: s.conversationId ?? localConversation,
      tasks: s.tasks,
      overrides: s.selections,
    });
    state().selectionsReceived(answer.selections);
  };

  const run = async (scope: RunScope = { kind: 'auto' }): Promise<void> => {
    if (isRunning(state()) || !state().tasks.length) return;
    if (state().readOnly) return state().notify('This past run is read-only: press "Edit from this run" to change or re-run it.');
    // Run explains what is missing instead of starting a run the engine would refuse.
    const missing = missingInputsMessage(state().tasks);
    if (missing) return state().notify(missing, 'error');
    const { origin, run: info, changed } = state();
    if (origin?.kind === 'workflow' && !info.lastRunId && !changed.length) return library.runWorkflow(origin.id, {}, true);
    state().runStarting();
    try {
      await ensureSelections();
      const { runId } = await client.invoke('run.start', buildRunRequest(state(), scope, localConversation));
      state().runStarted(runId);
      if (state().run.summary) void respondIfAsked(runId);
    } catch (e) {
      state().failed(`Run failed to start: ${messageOf(e)}`, 'run');
    }
  };

  async function generateResponse(): Promise<void> {
    const s = state();
    const runId = s.run.lastRunId;
    if (!runId || s.responding) return;
    state().responseStarted(runId);
    try {
      const answer = await client.invoke('response.generate', { conversationId: s.conversationId ?? localConversation, runId });
      state().responseText(answer.requestId, answer.text, true);
    } catch (e) {
      state().failed(`Response failed: ${messageOf(e)}`, 'response');
    }
  }

  return {
    /** Stages 1-2 for a request (tasks stream onto the canvas via `plan.delta`). */
    async plan(request: string, attachments: Attachment[] = []): Promise<void> {
      if (state().planning || !mayReplaceGraph()) return;
      state().planRequested(request, attachments);
      try {
        const result = await client.invoke('conversation.plan', { conversationId: state().conversationId, request, attachments });
        planDeltas.flush();
        state().planReceived(result);
      } catch (e) {
        // The tasks streamed so far stay on the canvas with the error: the last frame's delta included.
        planDeltas.flush();
        if (LLM_FAILURE_KINDS.has(kindOf(e) ?? '')) llm.getState().unreachable(`The LLM did not answer: ${messageOf(e)}`);
        state().failed(`Planning failed: ${messageOf(e)}`, 'plan');
      }
    },
    /** Closes a tab; one with unsaved edits asks first. */
    closeTab(id: string): void {
      const s = state();
      const doc = s.tabs.includes(id) ? tabDocument(s, id) : undefined;
      if (doc?.edited && !confirm(`Close "${tabTitle(doc)}"? Its edits are not saved as a workflow and will be lost.`)) return;
      state().closeTab(id);
    },
    /** Stores a user's file and returns it as an attachment. */
    upload,
    /** The workflows library and the run history. */
    library,
    /** Runs the graph (only what changed when a previous run exists). */
    run,
    /** Runs `taskId` and what depends on it, reusing the last run's other outputs. */
    runFrom: (taskId: number, force = false) => run({ kind: 'from', taskIds: [taskId], force }),
    /** Cancels the active run, or one task of it. */
    async cancel(taskId?: number): Promise<void> {
      const runId = state().run.activeRunId;
      if (!runId || !isRunning(state())) return;
      try {
        await client.invoke('run.cancel', { runId, taskId });
      } catch (e) {
        state().failed(`Cancel failed: ${messageOf(e)}`, 'other');
      }
    },
    /** Stage 4: streams the answer into the chat. */
    generateResponse,
    /** Picks models for tasks that have none (tasks added by hand). */
    async selectMissing(): Promise<void> {
      try {
        await ensureSelections();
      } catch (e) {
        state().notify(`Model selection failed: ${messageOf(e)}`, 'error');
      }
    },
    /** The ranked candidates for a task type (cached per type). */
    candidates(task: string): Promise<Candidate[]> {
      let hit = candidateCache.get(task);
      if (!hit) {
        hit = client.invoke('catalog.candidates', { task });
        hit.catch(() => candidateCache.delete(task));
        candidateCache.set(task, hit);
      }
      return hit;
    },
    /** Whether the controlling LLM can answer (Plan waits for it). */
    llm,
    /** A URL for a stored resource. */
    resourceUrl: client.resourceUrl.bind(client),
    client,
    dispose: () => {
      planDeltas.cancel();
      unsubscribe.forEach((u) => u());
    },
  };
}
