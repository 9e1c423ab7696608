// The shape of the studio's one store: the canonical graph, its runs, the layout (apart), the chat and the UI.
import type { PlanIssue } from '../../src-shared/contract';
import type { PlanTask } from '../../src-shared/plan';
import { FIRST_TAB_ID, type SessionMessage } from '../../src-shared/session';
import type { Selections } from '../../src-shared/selection';
import type { GraphOrigin } from './history-actions';
import type { NodeRuns, RunInfo } from './run-state';
import type { TabDocument } from './tab-document';

/** A point on the canvas. */
export type XY = { x: number; y: number };
/** A node's measured size. */
export type Size = { width: number; height: number };

/** Where nodes sit: kept apart from what the graph means (not in undo history, ignored by runs). */
export type LayoutState = {
  positions: Record<number, XY>;
  sizes: Record<number, Size>;
  /** Bumped to ask the canvas for an automatic layout. */
  layoutRequest: number;
};

/** One entry of the conversation (saved with the session; an answer never changes once written). */
export type ChatMessage = SessionMessage;

/** What undo and redo restore. */
export type GraphSnapshot = { tasks: PlanTask[]; selections: Selections; changed: number[] };

/** A message shown over the canvas (a refused connection, a failed call). */
export type Notice = { message: string; tone: 'error' | 'info'; seq: number };

/** Everything the renderer knows. The shown tab's document lives at the top level (see tab-document.ts). */
export type StudioState = {
  /** The tab shown. */
  tabId: string;
  /** The open tabs' ids, in the order the tab bar shows them. */
  tabs: string[];
  /** The documents of the tabs not shown, by tab id. */
  parked: Record<string, TabDocument>;
  conversationId?: string;
  /** The planning request whose `plan.delta` events are shown. */
  planRequestId?: string;
  planning: boolean;
  tasks: PlanTask[];
  selections: Selections;
  issues: PlanIssue[];
  /** Tasks edited since the last run (with their dependents): only they re-run. */
  changed: number[];
  runs: NodeRuns;
  run: RunInfo;
  layout: LayoutState;
  /** The task the inspector shows (the last one clicked). */
  selectedTaskId?: number;
  /** Every selected task (box select, Shift+click, Ctrl+A): copy, paste, delete and move act on all. */
  selectedTaskIds: number[];
  selectedEdgeIds: string[];
  notice?: Notice;
  past: GraphSnapshot[];
  /** The user edited this graph (kept across reloads, unlike the undo history): replacing it asks first. */
  edited: boolean;
  future: GraphSnapshot[];
  chat: ChatMessage[];
  /** The `response.generate` request being streamed, if any. */
  responseRequestId?: string;
  responding: boolean;
  /** Set while a past run is shown: edits are refused until "Edit from this run". */
  readOnly?: { runId: string };
  /** Where the graph came from (an opened workflow or a past run), if not from a plan. */
  origin?: GraphOrigin;
};

/** A fresh, empty studio. */
export const initialStudioState = (): StudioState => ({
  tabId: FIRST_TAB_ID,
  tabs: [FIRST_TAB_ID],
  parked: {},
  planning: false,
  tasks: [],
  selections: {},
  issues: [],
  changed: [],
  runs: {},
  run: { starting: false, early: [] },
  layout: { positions: {}, sizes: {}, layoutRequest: 0 },
  selectedTaskIds: [],
  selectedEdgeIds: [],
  past: [],
  future: [],
  edited: false,
  chat: [],
  responding: false,
});

/** Whether a run is in flight. */
export const isRunning = (s: Pick<StudioState, 'run'>): boolean =>
  s.run.starting || (s.run.activeRunId !== undefined && s.run.summary === undefined);

/** The tasks that still lack a model. */
export const tasksWithoutModel = (s: Pick<StudioState, 'tasks' | 'selections'>): PlanTask[] =>
  s.tasks.filter((t) => !s.selections[t.id]);
