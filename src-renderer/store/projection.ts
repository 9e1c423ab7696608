// React Flow nodes and edges as a projection of the store; unchanged nodes keep their identity (memo-friendly).
import type { Edge, Node } from '@xyflow/react';
import type { PlanTask } from '../../src-shared/plan';
import type { Selection } from '../../src-shared/selection';
import type { Modality } from '../../src-shared/tasks';
import { edgesOf, taskLabel } from './graph-edits';
import { inputHandleId, outputHandleId, portsOf, type TaskPorts } from './ports';
import { idleRun, type NodeRun } from './run-state';
import { missingInputs } from './missing-inputs';
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

type Inputs = { task: PlanTask; missing: string; selection?: Selection; run?: NodeRun; changed: boolean; issues: string; position?: XY; size?: Size; selected: boolean };

/** Returns a projector that reuses the previous node object when nothing it shows has changed. */
export function createProjector() {
  const cache = new Map<number, { inputs: Inputs; node: TaskFlowNode }>();
  const same = (a: Inputs, b: Inputs) =>
    a.task === b.task && a.missing === b.missing && a.selection === b.selection && a.run === b.run && a.changed === b.changed && a.issues === b.issues &&
    a.position === b.position && a.size === b.size && a.selected === b.selected;

  return function projectNodes(s: Pick<StudioState, 'tasks' | 'selections' | 'runs' | 'changed' | 'issues' | 'layout' | 'selectedTaskIds'>): TaskFlowNode[] {
    const changed = new Set(s.changed);
    const selected = new Set(s.selectedTaskIds);
    const seen = new Set<number>();
    const missingByTask = missingInputs(s.tasks);
    let quick: Record<number, XY> | undefined;
    const nodes = s.tasks.map((task) => {
      seen.add(task.id);
      const issues = s.issues.filter((i) => i.taskId === task.id).map((i) => i.message);
      const missing = missingByTask[task.id] ?? {};
      const inputs: Inputs = {
        task, missing: JSON.stringify(missing), selection: s.selections[task.id], run: s.runs[task.id], changed: changed.has(task.id), issues: issues.join('\n'),
        position: s.layout.positions[task.id], size: s.layout.sizes[task.id], selected: selected.has(task.id),
      };
      const hit = cache.get(task.id);
      if (hit && same(hit.inputs, inputs)) return hit.node;
      const node: TaskFlowNode = {
        id: String(task.id),
        type: 'task',
        position: inputs.position ?? (quick ??= quickPositions(s.tasks))[task.id],
        selected: inputs.selected,
        ariaLabel: taskLabel(task),
        // data-* attributes are valid on the wrapper div, but not in React's HTMLAttributes type.
        domAttributes: { 'data-status': (inputs.run ?? idleRun()).status } as TaskFlowNode['domAttributes'],
        data: { task, label: taskLabel(task), ports: portsOf(task), selection: inputs.selection, run: inputs.run ?? idleRun(), changed: inputs.changed, issues, missing },
        ...(inputs.size ? { measured: inputs.size } : {}),
      };
      cache.set(task.id, { inputs, node });
      return node;
    });
    for (const id of cache.keys()) if (!seen.has(id)) cache.delete(id);
    return nodes;
  };
}

/** The edges of the graph as React Flow edges; an edge into a running node is animated. */
export function projectEdges(s: Pick<StudioState, 'tasks' | 'runs' | 'selectedEdgeIds'>): TaskFlowEdge[] {
  const selected = new Set(s.selectedEdgeIds);
  return edgesOf(s.tasks).map((e) => ({
    id: e.id,
    source: String(e.source),
    target: String(e.target),
    sourceHandle: e.sourcePort !== undefined ? outputHandleId(e.sourcePort) : null,
    targetHandle: e.targetPort !== undefined ? inputHandleId(e.targetPort) : null,
    className: `edge-${e.modality ?? 'dep'}`,
    animated: s.runs[e.target]?.status === 'running',
    selected: selected.has(e.id),
    data: { modality: e.modality },
  }));
}
