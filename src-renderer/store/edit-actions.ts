// Typed edit actions on the graph, with undo/redo; every edit marks the tasks whose results it invalidates.
import type { PlanTask } from '../../src-shared/plan';
import type { Selection, Selections } from '../../src-shared/selection';
import { connectTasks, dependentsOf, disconnect, newTask, pasteTasks, removeTasks, setArgument, type ConnectionRequest, type EditResult, type GraphEdge } from './graph-edits';
import { DEFAULT_NODE_SIZE, freeSpot, NODE_GAP, placedRects, quickPositions } from './placement';
import type { GraphSnapshot, StudioState, XY } from './studio-state';

const HISTORY_LIMIT = 100;

type Set = (partial: Partial<StudioState> | ((s: StudioState) => Partial<StudioState>)) => void;
type Get = () => StudioState;

/** The edit actions of the store. */
export type EditActions = {
  /** Wires `source`'s output into an input; refused (with a notice) when modalities differ or a cycle forms. */
  connect(req: ConnectionRequest): boolean;
  /** Moves an edge's ends: one undo step; refused like `connect`. */
  reconnect(old: Pick<GraphEdge, 'source' | 'target' | 'targetPort'>, req: ConnectionRequest): boolean;
  /** Removes edges (their arguments are left empty). */
  removeEdges(edges: Pick<GraphEdge, 'source' | 'target' | 'targetPort'>[]): void;
  /** Deletes tasks and the references to them. */
  deleteTasks(ids: number[]): void;
  /** Adds a task of `type` in free space at `position` (the drop point) or beside the selected task; returns its id. */
  addTask(type: string, position?: XY): number;
  /** Adds copies of tasks (with their model choices), placed beside the originals; returns the new ids. */
  pasteTasks(copied: PlanTask[], selections: Selections): number[];
  /** Sets or (with undefined) removes an argument. */
  setArg(id: number, key: string, value: string | undefined): boolean;
  /** The user's model choice for a task. */
  chooseModel(id: number, selection: Omit<Selection, 'taskId'>): void;
  undo(): void;
  redo(): void;
  /** Marks tasks (and their dependents) as needing a re-run, without editing them. */
  markChanged(ids: number[]): void;
};

/** Adds `ids` and everything downstream of them to `changed`. */
export function withChanged(changed: number[], tasks: readonly PlanTask[], ids: readonly number[]): number[] {
  const live = new Set(tasks.map((t) => t.id));
  const all = new Set([...changed, ...ids, ...dependentsOf(tasks, ids)]);
  return [...all].filter((id) => live.has(id)).sort((a, b) => a - b);
}

const snapshot = (s: StudioState): GraphSnapshot => ({ tasks: s.tasks, selections: s.selections, changed: s.changed });

/** A patch that records `s` in the undo history. */
function committed(s: StudioState, patch: Partial<StudioState>): Partial<StudioState> {
  return { ...patch, past: [...s.past, snapshot(s)].slice(-HISTORY_LIMIT), future: [], edited: true };
}

/** Creates the edit actions over `set`/`get`. */
export function createEditActions(set: Set, get: Get): EditActions {
  const refuse = (message: string) =>
    set((s) => ({ notice: { message, tone: 'error', seq: (s.notice?.seq ?? 0) + 1 } }));

  /** Applies an edit result: commit the tasks and mark the affected tasks changed. */
  const apply = (result: EditResult, extra: (s: StudioState) => Partial<StudioState> = () => ({})): boolean => {
    if (!result.ok) {
      refuse(result.message);
      return false;
    }
    set((s) => committed(s, { tasks: result.tasks, changed: withChanged(s.changed, result.tasks, result.affected), ...extra(s) }));
    return true;
  };

  return {
    connect: (req) => apply(connectTasks(get().tasks, req)),
    reconnect(old, req) {
      const cut = disconnect(get().tasks, old);
      if (!cut.ok) return apply(cut);
      const joined = connectTasks(cut.tasks, req);
      return apply(joined.ok ? { ...joined, affected: [...cut.affected, ...joined.affected] } : joined);
    },
    removeEdges(edges) {
      let tasks = get().tasks;
      const affected: number[] = [];
      for (const e of edges) {
        const r = disconnect(tasks, e);
        if (r.ok) {
          tasks = r.tasks;
          affected.push(...r.affected);
        }
      }
      if (affected.length) apply({ ok: true, tasks, affected }, () => ({ selectedEdgeIds: [] }));
    },
    deleteTasks(ids) {
      if (!ids.length) return;
      apply(removeTasks(get().tasks, ids), (s) => {
        const selections = { ...s.selections };
        const runs = { ...s.runs };
        for (const id of ids) {
          delete selections[id];
          delete runs[id];
        }
        return { selections, runs, selectedTaskId: ids.includes(s.selectedTaskId ?? -1) ? undefined : s.selectedTaskId, selectedTaskIds: s.selectedTaskIds.filter((id) => !ids.includes(id)) };
      });
    },
    addTask(type, position) {
      const task = newTask(get().tasks, type);
      set((s) => {
        const beside = s.selectedTaskId !== undefined ? s.layout.positions[s.selectedTaskId] : undefined;
        const besideSize = s.selectedTaskId !== undefined ? s.layout.sizes[s.selectedTaskId] ?? DEFAULT_NODE_SIZE : DEFAULT_NODE_SIZE;
        const wanted = position ?? (beside ? { x: beside.x + besideSize.width + NODE_GAP * 2, y: beside.y } : { x: 0, y: 0 });
        // Nodes the automatic layout has not placed yet sit where the canvas shows them (the quick positions).
        const shown = { ...quickPositions(s.tasks), ...s.layout.positions };
        const at = freeSpot(wanted, DEFAULT_NODE_SIZE, placedRects(shown, s.layout.sizes));
        return committed(s, {
          tasks: [...s.tasks, task],
          changed: withChanged(s.changed, [...s.tasks, task], [task.id]),
          selectedTaskId: task.id,
          selectedTaskIds: [task.id],
          layout: { ...s.layout, positions: { ...s.layout.positions, [task.id]: at } },
        });
      });
      return task.id;
    },
    pasteTasks(copied, selections) {
      if (copied.length === 0) return [];
      const { tasks, idMap } = pasteTasks(get().tasks, copied);
      const ids = [...idMap.values()];
      set((s) => {
        // Nodes the automatic layout has not placed yet sit where the canvas shows them (the quick positions).
        const positions = { ...quickPositions(s.tasks), ...s.layout.positions };
        const chosen = { ...s.selections };
        // The copies keep their arrangement, moved below everything so that none lands on a node.
        const bottom = Object.entries(positions).reduce((y, [id, at]) => Math.max(y, at.y + (s.layout.sizes[Number(id)] ?? DEFAULT_NODE_SIZE).height), 0);
        const top = Math.min(...[...idMap.keys()].map((from) => positions[from]?.y ?? 0));
        for (const [from, to] of idMap) {
          const at = positions[from] ?? { x: 0, y: 0 };
          positions[to] = { x: at.x, y: at.y - top + bottom + NODE_GAP * 2 };
          if (selections[from]) chosen[to] = { ...selections[from], taskId: to };
        }
        return committed(s, {
          tasks, selections: chosen, changed: withChanged(s.changed, tasks, ids), selectedTaskId: ids[0], selectedTaskIds: ids, layout: { ...s.layout, positions },
        });
      });
      return ids;
    },
    setArg: (id, key, value) => apply(setArgument(get().tasks, id, key, value)),
    chooseModel(id, selection) {
      set((s) => committed(s, {
        selections: { ...s.selections, [id]: { ...selection, taskId: id } },
        changed: withChanged(s.changed, s.tasks, [id]),
      }));
    },
    undo() {
      const s = get();
      const prev = s.past[s.past.length - 1];
      if (!prev) return;
      set({ ...prev, past: s.past.slice(0, -1), future: [snapshot(s), ...s.future] });
    },
    redo() {
      const s = get();
      const next = s.future[0];
      if (!next) return;
      set({ ...next, past: [...s.past, snapshot(s)], future: s.future.slice(1) });
    },
    markChanged(ids) {
      set((s) => ({ changed: withChanged(s.changed, s.tasks, ids) }));
    },
  };
}
