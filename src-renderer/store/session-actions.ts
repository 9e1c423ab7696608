// Store actions fed by the engine: planning, model selection, run events, the response, and UI state.
import type { Attachment, PlanResult } from '../../src-shared/contract';
import type { PlanTask } from '../../src-shared/plan';
import type { RunEvent } from '../../src-shared/run-events';
import type { Selections } from '../../src-shared/selection';
import { applyRunEvent, type NodeRuns } from './run-state';
import { parkedRunEvent } from './tab-actions';
import type { ChatMessage, Notice, Size, StudioState, XY } from './studio-state';

type Set = (partial: Partial<StudioState> | ((s: StudioState) => Partial<StudioState>)) => void;
type Get = () => StudioState;

/** The engine-driven and UI actions of the store. */
export type SessionActions = {
  /** The user sent a request; its plan is on the way. */
  planRequested(request: string, attachments: Attachment[]): void;
  /** Tasks parsed so far for the streaming plan. */
  planDelta(delta: { requestId: string; tasks: PlanTask[] }): void;
  /** Stages 1 and 2 finished: the graph becomes this plan. */
  planReceived(result: PlanResult): void;
  /** Selections from `conversation.select` for tasks that had none. */
  selectionsReceived(selections: Selections): void;
  runStarting(): void;
  /** `run.start` answered: events of `runId` now apply (and those that came early). */
  runStarted(runId: string): void;
  runEvent(event: RunEvent): void;
  /** Stage 4 started for `runId`: a new answer that keeps that run's media as they are now. */
  responseStarted(runId: string): void;
  /** `response.generate` answered or `response.delta` arrived for `requestId`. */
  responseText(requestId: string, text: string, done: boolean): void;
  /** Something went wrong: a chat line and a notice. */
  failed(message: string, where: 'plan' | 'run' | 'response' | 'other'): void;
  notify(message: string, tone?: Notice['tone']): void;
  clearNotice(): void;
  /** Selects one task (or none) and shows it in the inspector. */
  selectTask(id: number | undefined): void;
  /** Selects a set of tasks; `focus` (default the first) goes to the inspector. */
  selectTasks(ids: number[], focus?: number): void;
  selectEdges(ids: string[]): void;
  setPositions(positions: Record<number, XY>): void;
  setSizes(sizes: Record<number, Size>): void;
  requestLayout(): void;
};

let messageSeq = 0;
// Ids stay unique across reloads (restored messages keep theirs).
const message = (m: Omit<ChatMessage, 'id'>): ChatMessage => ({ id: `m-${Date.now().toString(36)}-${++messageSeq}`, ...m });
const freshGraph = (tasks: PlanTask[]): Partial<StudioState> => ({
  tasks, selections: {}, issues: [], changed: [], runs: {}, past: [], future: [], selectedTaskId: undefined, selectedTaskIds: [], selectedEdgeIds: [],
  readOnly: undefined, origin: undefined, edited: false,
});

/** Creates the session actions over `set`/`get`. */
export function createSessionActions(set: Set, get: Get): SessionActions {
  return {
    planRequested(request, attachments) {
      set((s) => ({ planning: true, planRequestId: undefined, chat: [...s.chat, message({ role: 'user', text: request, attachments })] }));
    },
    planDelta({ requestId, tasks }) {
      const s = get();
      if (!s.planning || (s.planRequestId !== undefined && s.planRequestId !== requestId)) return;
      const positions = s.planRequestId === requestId ? s.layout.positions : {};
      set({ ...freshGraph(tasks), planRequestId: requestId, layout: { ...s.layout, positions } });
    },
    planReceived(result) {
      const s = get();
      const answer = result.answer ?? (result.plan.tasks.length
        ? `Planned ${result.plan.tasks.length} task${result.plan.tasks.length === 1 ? '' : 's'}. Review the graph, then press Run.`
        : 'The planner found no task for this request.');
      const layoutKept = s.planRequestId === result.requestId;
      set({
        ...freshGraph(result.plan.tasks),
        planning: false,
        conversationId: result.conversationId,
        planRequestId: result.requestId,
        selections: result.selections,
        issues: result.issues,
        run: { starting: false, early: [] },
        layout: { ...s.layout, positions: layoutKept ? s.layout.positions : {}, layoutRequest: s.layout.layoutRequest + 1 },
        chat: [...s.chat, message({ role: 'assistant', text: answer, requestId: result.requestId })],
      });
    },
    selectionsReceived(selections) {
      set((s) => ({ selections: { ...selections, ...s.selections } }));
    },
    runStarting() {
      set((s) => ({ run: { ...s.run, starting: true, early: [], summary: undefined } }));
    },
    runStarted(runId) {
      set((s) => {
        let runs: NodeRuns = s.runs;
        let summary = undefined;
        for (const e of s.run.early) {
          if (e.runId !== runId) continue;
          runs = applyRunEvent(runs, e);
          if (e.type === 'run-finished') summary = e.summary;
        }
        return { runs, changed: [], run: { activeRunId: runId, lastRunId: runId, starting: false, early: [], summary } };
      });
    },
    runEvent(event) {
      const s = get();
      if (event.runId !== s.run.activeRunId) {
        // A run of a tab not shown goes on: its nodes there follow it.
        const parked = parkedRunEvent(s, event);
        if (parked) set(parked);
        else if (s.run.starting) set({ run: { ...s.run, early: [...s.run.early, event] } });
        return;
      }
      const runs = applyRunEvent(s.runs, event);
      const run = event.type === 'run-finished' ? { ...s.run, summary: event.summary } : s.run;
      if (runs !== s.runs || run !== s.run) set({ runs, run });
    },
    responseStarted(runId) {
      set((s) => {
        const media = Object.entries(s.runs).flatMap(([id, r]) =>
          r.outputs.filter((o) => o.resource).map((output) => ({ taskId: Number(id), output })));
        return { responding: true, responseRequestId: undefined, chat: [...s.chat, message({ role: 'assistant', text: '', streaming: true, runId, media })] };
      });
    },
    responseText(requestId, text, done) {
      set((s) => {
        const chat = [...s.chat];
        let i = chat.findIndex((m) => m.requestId === requestId);
        if (i < 0) i = chat.findIndex((m) => m.streaming && m.requestId === undefined);
        if (i < 0) {
          if (done) chat.push(message({ role: 'assistant', text, requestId }));
          return { chat, responding: done ? false : s.responding };
        }
        chat[i] = { ...chat[i], text, requestId, streaming: !done };
        return { chat, responseRequestId: requestId, responding: !done };
      });
    },
    failed(text, where) {
      set((s) => ({
        planning: where === 'plan' ? false : s.planning,
        responding: where === 'response' ? false : s.responding,
        run: where === 'run' ? { ...s.run, starting: false, early: [] } : s.run,
        chat: [...s.chat.filter((m) => !(where === 'response' && m.streaming && !m.text)), message({ role: 'error', text, where })],
        notice: { message: text, tone: 'error', seq: (s.notice?.seq ?? 0) + 1 },
      }));
    },
    notify(text, tone = 'info') {
      set((s) => ({ notice: { message: text, tone, seq: (s.notice?.seq ?? 0) + 1 } }));
    },
    clearNotice: () => set({ notice: undefined }),
    selectTask: (id) => set({ selectedTaskId: id, selectedTaskIds: id === undefined ? [] : [id] }),
    selectTasks(ids, focus) {
      const live = new Set(get().tasks.map((t) => t.id));
      const chosen = [...new Set(ids)].filter((id) => live.has(id));
      set({ selectedTaskIds: chosen, selectedTaskId: focus !== undefined && chosen.includes(focus) ? focus : chosen[0] });
    },
    selectEdges: (ids) => set({ selectedEdgeIds: ids }),
    setPositions: (positions) => set((s) => ({ layout: { ...s.layout, positions: { ...s.layout.positions, ...positions } } })),
    setSizes: (sizes) => set((s) => ({ layout: { ...s.layout, sizes: { ...s.layout.sizes, ...sizes } } })),
    requestLayout: () => set((s) => ({ layout: { ...s.layout, layoutRequest: s.layout.layoutRequest + 1 } })),
  };
}
