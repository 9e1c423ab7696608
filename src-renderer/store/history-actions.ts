// Store actions for graphs that come from the library: an opened workflow, a started workflow run, a past
// run shown read-only (and made editable again), with the recorded results as the nodes' runs.
import type { RecordedNode, RunDetail } from '../../src-shared/library';
import type { PlanTask } from '../../src-shared/plan';
import type { Selections } from '../../src-shared/selection';
import type { NodeRun, NodeRuns } from './run-state';
import type { StudioState, XY } from './studio-state';

type Set = (partial: Partial<StudioState> | ((s: StudioState) => Partial<StudioState>)) => void;

/** Where the graph on the canvas came from. */
export type GraphOrigin = { kind: 'workflow'; id: string; name: string } | { kind: 'run'; runId: string };

/** A graph to put on the canvas. */
export type LoadedGraph = {
  tasks: PlanTask[];
  selections: Selections;
  positions?: Record<number, XY>;
  conversationId?: string;
  origin?: GraphOrigin;
};

/** The history actions of the store. */
export type HistoryActions = {
  /** Replaces the graph (and clears its runs); an in-flight `run.start` keeps its early events. */
  graphLoaded(graph: LoadedGraph): void;
  /** Shows a recorded run on the canvas, read-only, with its results. */
  runOpened(detail: RunDetail): void;
  /** The engine adopted the shown run in `conversationId`: the graph is editable and re-runs from it. */
  runAdopted(conversationId: string): void;
  /** The graph was saved as workflow `saved`: the tab now shows that workflow, with nothing unsaved. */
  workflowSaved(saved: { id: string; name: string }): void;
};

/** A recorded node as the canvas shows it, with its log lines from the run's events. */
export function nodeRunOf(node: RecordedNode, runId: string, logs: string[] = []): NodeRun {
  return { ...node, logs, runId };
}

const positionsOf = (layout: Record<string, XY> | undefined): Record<number, XY> =>
  Object.fromEntries(Object.entries(layout ?? {}).map(([id, xy]) => [Number(id), xy]));

/** Creates the history actions over `set`. */
export function createHistoryActions(set: Set): HistoryActions {
  return {
    graphLoaded(graph) {
      set((s) => {
        const positions = graph.positions ?? {};
        return {
          tasks: graph.tasks, selections: graph.selections, issues: [], changed: [], runs: {}, past: [], future: [],
          selectedTaskId: undefined, selectedTaskIds: [], selectedEdgeIds: [], readOnly: undefined, origin: graph.origin, edited: false,
          conversationId: graph.conversationId,
          run: s.run.starting ? { starting: true, early: s.run.early } : { starting: false, early: [] },
          layout: { ...s.layout, positions, layoutRequest: Object.keys(positions).length ? s.layout.layoutRequest : s.layout.layoutRequest + 1 },
        };
      });
    },
    runOpened(detail) {
      const logs: Record<number, string[]> = {};
      for (const e of detail.events) if (e.type === 'node-log') (logs[e.taskId] ??= []).push(e.message);
      const runs: NodeRuns = {};
      for (const [id, node] of Object.entries(detail.results)) runs[Number(id)] = nodeRunOf(node, detail.runId, logs[Number(id)]);
      set((s) => ({
        tasks: detail.tasks, selections: detail.selections, issues: [], changed: [], runs, past: [], future: [],
        selectedTaskId: undefined, selectedTaskIds: [], selectedEdgeIds: [], conversationId: undefined,
        readOnly: { runId: detail.runId }, origin: { kind: 'run', runId: detail.runId }, edited: false,
        run: { starting: false, early: [], lastRunId: detail.runId, summary: detail.durationMs !== undefined && detail.status !== 'running' ? { status: detail.status, durationMs: detail.durationMs, counts: detail.counts } : undefined },
        layout: { ...s.layout, positions: positionsOf(undefined), layoutRequest: s.layout.layoutRequest + 1 },
      }));
    },
    runAdopted(conversationId) {
      set({ conversationId, readOnly: undefined });
    },
    workflowSaved({ id, name }) {
      set({ origin: { kind: 'workflow', id, name }, edited: false });
    },
  };
}
