// React Flow nodes and edges as a projection of the store. Unchanged nodes and edges keep their identity, and
// a node that only moved or was (de)selected keeps its `data` object, so a memoised node component does not
// render again: a streamed plan re-sends every task so far as new objects, and a layout moves every node, so
// without this each frame would render the whole graph. A measured size alone does not make a new node: React
// Flow measured it and keeps that on the node it has; the size goes into the next node built for another reason.
import { Position, type Edge, type Node, type NodeHandle } from '@xyflow/react';
import type { PlanTask } from '../../src-shared/plan';
import type { Selection } from '../../src-shared/selection';
import type { Modality } from '../../src-shared/tasks';
import { edgesOf, taskLabel } from './graph-edits';
import { inputHandleId, outputHandleId, portsOf, type TaskPorts } from './ports';
import { idleRun, type NodeRun } from './run-state';
import { missingInputs } from './missing-inputs';
import { ESTIMATED_NODE_SIZE, estimatedHandles, type HandleBox } from './node-estimate';
import { quickPositions } from './placement';
import type { Size, StudioState, XY } from './studio-state';

/** What a task node shows (plain data, no functions: React Flow may copy it). */
export type TaskNodeData = {
  task: PlanTask;
  label: string;
  ports: TaskPorts;
  selection?: Selection;
  run: NodeRun;
  changed: boolean;
  issues: string[];
  /** Required inputs with nothing to read (empty, or fed by a task that is gone), by port name. */
  missing: Record<string, string>;
};

/** A task node on the canvas. */
export type TaskFlowNode = Node<TaskNodeData, 'task'>;
/** An edge on the canvas, coloured by the modality it carries. */
export type TaskFlowEdge = Edge<{ modality?: Modality }>;

/** What a node's `data` is made of (strings for the parts that are rebuilt on every projection). */
type DataInputs = { task: PlanTask; taskKey: string; missing: string; selection?: Selection; run?: NodeRun; changed: boolean; issues: string };
/** Where the node sits on the canvas and whether it is selected. */
type PlaceInputs = { position?: XY; selected: boolean };

/** A task's content as a string: equal strings, equal tasks (a streamed plan sends equal tasks as new objects). */
const taskKey = (t: PlanTask): string => `${t.id}\u0000${t.task}\u0000${t.dep.join(',')}\u0000${JSON.stringify(t.args)}`;
const sameData = (a: DataInputs, b: DataInputs) =>
  a.taskKey === b.taskKey && a.missing === b.missing && a.selection === b.selection && a.run === b.run && a.changed === b.changed && a.issues === b.issues;
const samePlace = (a: PlaceInputs, b: PlaceInputs) => a.position === b.position && a.selected === b.selected;

/**
 * Returns a projector that reuses the previous node object, or at least its data, when what it shows has not
 * changed, and the previous array when no node changed (React Flow then has nothing to adopt).
 */
export function createProjector() {
  const cache = new Map<number, { data: DataInputs; place: PlaceInputs; node: TaskFlowNode }>();
  let previous: TaskFlowNode[] = [];

  return function projectNodes(s: Pick<StudioState, 'tasks' | 'selections' | 'runs' | 'changed' | 'issues' | 'layout' | 'selectedTaskIds'>): TaskFlowNode[] {
    const changed = new Set(s.changed);
    const selected = new Set(s.selectedTaskIds);
    const issuesByTask = new Map<number, string[]>();
    for (const i of s.issues) if (i.taskId !== undefined) issuesByTask.set(i.taskId, [...(issuesByTask.get(i.taskId) ?? []), i.message]);
    const seen = new Set<number>();
    const missingByTask = missingInputs(s.tasks);
    let quick: Record<number, XY> | undefined;
    const nodes = s.tasks.map((task) => {
      seen.add(task.id);
      const hit = cache.get(task.id);
      const issues = issuesByTask.get(task.id) ?? [];
      const missing = missingByTask[task.id] ?? {};
      const data: DataInputs = {
        task, taskKey: hit?.data.task === task ? hit.data.taskKey : taskKey(task), missing: JSON.stringify(missing),
        selection: s.selections[task.id], run: s.runs[task.id], changed: changed.has(task.id), issues: issues.join('\n'),
      };
      const place: PlaceInputs = { position: s.layout.positions[task.id], selected: selected.has(task.id) };
      const size: Size | undefined = s.layout.sizes[task.id];
      const dataKept = hit !== undefined && sameData(hit.data, data);
      if (dataKept && samePlace(hit.place, place)) return hit.node;
      const run = data.run ?? idleRun();
      const ports = dataKept ? hit.node.data.ports : portsOf(task);
      const node: TaskFlowNode = {
        id: String(task.id),
        type: 'task',
        position: place.position ?? (quick ??= quickPositions(s.tasks))[task.id],
        selected: place.selected,
        ariaLabel: taskLabel(task),
        // data-* attributes are valid on the wrapper div, but not in React's HTMLAttributes type.
        domAttributes: { 'data-status': run.status } as TaskFlowNode['domAttributes'],
        data: dataKept ? hit.node.data : { task, label: taskLabel(task), ports, selection: data.selection, run, changed: data.changed, issues, missing },
        // Without `measured`, React Flow would forget the node's handle positions and measure it again. A node
        // never measured gets estimates, so that it need not be rendered while out of view (node-estimate.ts).
        ...(size ? { measured: size } : { measured: ESTIMATED_NODE_SIZE, handles: estimatedHandles(ports).map(toNodeHandle) }),
      };
      cache.set(task.id, { data: dataKept ? hit.data : data, place, node });
      return node;
    });
    for (const id of cache.keys()) if (!seen.has(id)) cache.delete(id);
    if (nodes.length === previous.length && nodes.every((n, i) => n === previous[i])) return previous;
    previous = nodes;
    return nodes;
  };
}

/** An estimated handle as React Flow takes it: inputs on the left, outputs on the right. */
const toNodeHandle = (h: HandleBox): NodeHandle => ({ ...h, position: h.type === 'target' ? Position.Left : Position.Right });

const sameEdge = (a: TaskFlowEdge, b: TaskFlowEdge) =>
  a.source === b.source && a.target === b.target && a.sourceHandle === b.sourceHandle && a.targetHandle === b.targetHandle &&
  a.className === b.className && a.animated === b.animated && a.selected === b.selected && a.data?.modality === b.data?.modality;

/** Returns an edge projector: the edges of the graph as React Flow edges (an edge into a running node is animated), reusing unchanged ones. */
export function createEdgeProjector() {
  let previous = new Map<string, TaskFlowEdge>();
  return function projectEdges(s: Pick<StudioState, 'tasks' | 'runs' | 'selectedEdgeIds'>): TaskFlowEdge[] {
    const selected = new Set(s.selectedEdgeIds);
    const next = new Map<string, TaskFlowEdge>();
    const edges = edgesOf(s.tasks).map((e) => {
      const edge: TaskFlowEdge = {
        id: e.id,
        source: String(e.source),
        target: String(e.target),
        sourceHandle: e.sourcePort !== undefined ? outputHandleId(e.sourcePort) : null,
        targetHandle: e.targetPort !== undefined ? inputHandleId(e.targetPort) : null,
        className: `edge-${e.modality ?? 'dep'}`,
        animated: s.runs[e.target]?.status === 'running',
        selected: selected.has(e.id),
        data: { modality: e.modality },
      };
      const old = previous.get(e.id);
      const kept = old && sameEdge(old, edge) ? old : edge;
      next.set(e.id, kept);
      return kept;
    });
    previous = next;
    return edges;
  };
}
