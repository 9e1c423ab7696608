// The React Flow canvas: a projection of the store; changes from React Flow come back as store actions.
import {
  Background, Controls, MiniMap, Panel, ReactFlow, ReactFlowProvider, useReactFlow, useStore as useFlowStore,
  type Connection, type EdgeChange, type FinalConnectionState, type NodeChange, type OnDelete,
} from '@xyflow/react';
import { useCallback, useMemo, useRef, useState } from 'react';
import { findTaskType } from '../../src-shared/tasks';
import { useController, useStudio, useStudioStore } from '../app/studio-context';
import { useUiPrefs } from '../app/ui-prefs';
import { connectionProblem, edgesOf, type ConnectionRequest } from '../store/graph-edits';
import { portOfHandle } from '../store/ports';
import { LARGE_GRAPH_TASKS } from '../store/layout';
import { createEdgeProjector, createProjector, type TaskFlowEdge, type TaskFlowNode } from '../store/projection';
import type { Size, XY } from '../store/studio-state';
import { ReadOnlyBanner } from '../library/ReadOnlyBanner';
import { CanvasToolbar } from './CanvasToolbar';
import { detailAt, EMPTY_CANVAS_VIEWPORT, fitViewOptions, MIN_ZOOM, MINIMAP_SIZE } from './fit-view';
import { NoticeBar } from './NoticeBar';
import { TaskNode } from './TaskNode';
import { TaskPalette } from './TaskPalette';
import { connectionToNewTask, fitsWire, wireEnd, wireHeading, type WireEnd } from './wire-drop';
import { useAutoLayout } from './use-auto-layout';
import { useEditShortcuts } from './use-edit-shortcuts';

const nodeTypes = { task: TaskNode };
const STATUS_COLOURS: Record<string, string> = {
  running: '#e0a526', queued: '#7c8597', succeeded: '#3fb67b', cached: '#3a9fbf', failed: '#e5534b', skipped: '#6b7280', cancelled: '#9a6d38', invalid: '#d1477a',
};
/** A node's colour on the minimap: its status (one function, so the minimap's node list is not rebuilt on every render). */
const minimapColour = (n: TaskFlowNode): string => STATUS_COLOURS[n.data.run.status] ?? '#3b4252';

/** A connection from React Flow as our request (undefined when a handle is not one of ours). */
function toRequest(c: { source: string; target: string; sourceHandle?: string | null; targetHandle?: string | null }): ConnectionRequest | undefined {
  const targetPort = portOfHandle(c.targetHandle);
  if (targetPort === undefined) return undefined;
  return { source: Number(c.source), target: Number(c.target), targetPort, sourcePort: portOfHandle(c.sourceHandle) };
}

/** A wire dropped on empty canvas: where, and the end it came from. */
type WireDrop = { at: XY; end: WireEnd };

function Flow() {
  const store = useStudioStore();
  const controller = useController();
  const { screenToFlowPosition } = useReactFlow();
  const minimap = useUiPrefs((p) => p.minimap);
  const detail = useFlowStore((s) => detailAt(s.transform[2]));
  const [wireDrop, setWireDrop] = useState<WireDrop>();
  const tasks = useStudio((s) => s.tasks);
  const selections = useStudio((s) => s.selections);
  const runs = useStudio((s) => s.runs);
  const changed = useStudio((s) => s.changed);
  const issues = useStudio((s) => s.issues);
  const layout = useStudio((s) => s.layout);
  const selectedTaskIds = useStudio((s) => s.selectedTaskIds);
  const selectedEdgeIds = useStudio((s) => s.selectedEdgeIds);
  const readOnly = useStudio((s) => s.readOnly !== undefined);
  const [openedOnGraph] = useState(() => store.getState().tasks.length > 0);
  const project = useRef(createProjector()).current;
  const projectEdges = useRef(createEdgeProjector()).current;

  const nodes = useMemo(
    () => project({ tasks, selections, runs, changed, issues, layout, selectedTaskIds }),
    [project, tasks, selections, runs, changed, issues, layout, selectedTaskIds],
  );
  const edges = useMemo(() => projectEdges({ tasks, runs, selectedEdgeIds }), [projectEdges, tasks, runs, selectedEdgeIds]);
  const layoutPending = useAutoLayout();
  useEditShortcuts();

  const onNodesChange = useCallback((changes: NodeChange<TaskFlowNode>[]) => {
    const positions: Record<number, XY> = {};
    const sizes: Record<number, Size> = {};
    const before = store.getState();
    const selected = new Set(before.selectedTaskIds);
    let focus = before.selectedTaskId;
    let selecting = false;
    for (const c of changes) {
      if (c.type === 'position' && c.position) positions[Number(c.id)] = c.position;
      else if (c.type === 'dimensions' && c.dimensions) {
        const known = before.layout.sizes[Number(c.id)];
        if (!known || known.width !== c.dimensions.width || known.height !== c.dimensions.height) sizes[Number(c.id)] = c.dimensions;
      } else if (c.type === 'select') {
        // React Flow reports the whole set (click, Shift+click, box select) as one batch of select changes.
        selecting = true;
        if (c.selected) {
          selected.add(Number(c.id));
          focus = Number(c.id);
        } else selected.delete(Number(c.id));
      }
    }
    if (selecting) store.getState().selectTasks([...selected], focus !== undefined && selected.has(focus) ? focus : undefined);
    if (Object.keys(positions).length && !before.readOnly) store.getState().setPositions(positions);
    if (Object.keys(sizes).length) store.getState().setSizes(sizes);
  }, [store]);

  const onEdgesChange = useCallback((changes: EdgeChange<TaskFlowEdge>[]) => {
    const selected = new Set(store.getState().selectedEdgeIds);
    let touched = false;
    for (const c of changes) {
      if (c.type !== 'select') continue;
      touched = true;
      if (c.selected) selected.add(c.id);
      else selected.delete(c.id);
    }
    if (touched) store.getState().selectEdges([...selected]);
  }, [store]);

  const onDelete: OnDelete<TaskFlowNode, TaskFlowEdge> = useCallback(({ nodes: gone, edges: cut }) => {
    const s = store.getState();
    const ids = gone.map((n) => Number(n.id));
    const byId = new Map(edgesOf(s.tasks).map((e) => [e.id, e]));
    const loose = cut.map((e) => byId.get(e.id)).filter((e) => e && !ids.includes(e.source) && !ids.includes(e.target));
    if (loose.length) s.removeEdges(loose.map((e) => e!));
    if (ids.length) s.deleteTasks(ids);
  }, [store]);

  const onConnect = useCallback((c: Connection) => {
    const req = toRequest(c);
    if (req) store.getState().connect(req);
  }, [store]);

  const onReconnect = useCallback((old: TaskFlowEdge, c: Connection) => {
    const req = toRequest(c);
    const edge = edgesOf(store.getState().tasks).find((e) => e.id === old.id);
    if (req && edge) store.getState().reconnect(edge, req);
  }, [store]);

  const isValidConnection = useCallback((c: TaskFlowEdge | Connection) => {
    const req = toRequest(c);
    return Boolean(req) && !connectionProblem(store.getState().tasks, req!);
  }, [store]);

  const onConnectEnd = useCallback((event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
    if (!state.toHandle && state.fromHandle && state.fromHandle.id && !readOnly) {
      // Dropped on empty canvas: offer the tasks that fit this end of the wire, right there.
      const task = store.getState().tasks.find((t) => String(t.id) === state.fromHandle!.nodeId);
      const port = portOfHandle(state.fromHandle.id);
      const end = task && port !== undefined ? wireEnd(task, port, state.fromHandle.type) : undefined;
      const point = 'changedTouches' in event ? event.changedTouches[0] : event;
      if (end && point) setWireDrop({ at: { x: point.clientX, y: point.clientY }, end });
      return;
    }
    if (state.isValid !== false || !state.fromHandle || !state.toHandle || !state.fromNode || !state.toNode) return;
    const forward = state.fromHandle.type === 'source';
    const [src, dst] = forward ? [state.fromHandle, state.toHandle] : [state.toHandle, state.fromHandle];
    const req = toRequest({ source: src.nodeId, target: dst.nodeId, sourceHandle: src.id ?? null, targetHandle: dst.id ?? null });
    const problem = req ? connectionProblem(store.getState().tasks, req) : 'Connect an output (right) to an input (left).';
    if (problem) store.getState().notify(problem, 'error');
  }, [store, readOnly]);

  const addFromWire = useCallback((type: string) => {
    const drop = wireDrop;
    setWireDrop(undefined);
    const spec = findTaskType(type);
    if (!drop || !spec) return;
    const at = screenToFlowPosition(drop.at);
    const s = store.getState();
    const id = s.addTask(type, drop.end.side === 'source' ? at : { x: at.x - 260, y: at.y });
    if (id < 0) return;
    const req = connectionToNewTask(drop.end, spec, id);
    if (req) store.getState().connect(req);
    void controller.selectMissing();
  }, [wireDrop, store, screenToFlowPosition, controller]);
  const paneRect = wireDrop ? document.querySelector('.pane-canvas')?.getBoundingClientRect() : undefined;

  return (
    <ReactFlow<TaskFlowNode, TaskFlowEdge>
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      onNodesChange={onNodesChange}
      onEdgesChange={onEdgesChange}
      onDelete={onDelete}
      onConnect={onConnect}
      onReconnect={onReconnect}
      onConnectEnd={onConnectEnd}
      isValidConnection={isValidConnection}
      onPaneClick={() => { setWireDrop(undefined); store.getState().selectTask(undefined); }}
      className={`detail-${detail}`}
      multiSelectionKeyCode={['Shift', 'Meta', 'Control']}
      nodesDraggable={!readOnly}
      deleteKeyCode={readOnly ? null : ['Delete', 'Backspace']}
      nodesConnectable={!readOnly}
      edgesReconnectable={!readOnly}
      colorMode="dark"
      minZoom={MIN_ZOOM}
      proOptions={{ hideAttribution: true }}
      // A canvas that opens on a graph (a restored or reopened tab) frames it; an empty one waits for a layout.
      fitView={openedOnGraph}
      defaultViewport={EMPTY_CANVAS_VIEWPORT}
      // A large graph renders only the nodes in view (the others are placed by their estimates, node-estimate.ts).
      onlyRenderVisibleElements={tasks.length > LARGE_GRAPH_TASKS}
      fitViewOptions={fitViewOptions(minimap, 0)}
      // Tells tests (and assistive tools) when the automatic layout has placed every node.
      data-layout={layoutPending ? 'pending' : 'settled'}
    >
      <Background gap={20} size={1} />
      <Controls showInteractive={false} fitViewOptions={fitViewOptions(minimap)} />
      {minimap && (
        <MiniMap<TaskFlowNode> pannable zoomable ariaLabel="Minimap" style={MINIMAP_SIZE} nodeColor={minimapColour} />
      )}
      {wireDrop && (
        <div className="wire-palette" style={{
          left: Math.max(0, Math.min(wireDrop.at.x - (paneRect?.left ?? 0), (paneRect?.width ?? 1e4) - 330)),
          top: Math.max(0, Math.min(wireDrop.at.y - (paneRect?.top ?? 0), (paneRect?.height ?? 1e4) - 440)),
        }}>
          <TaskPalette onPick={addFromWire} onClose={() => setWireDrop(undefined)} accepts={fitsWire(wireDrop.end)} heading={wireHeading(wireDrop.end)} />
        </div>
      )}
      <Panel position="top-left" className="toolbar-panel"><CanvasToolbar /></Panel>
      <Panel position="bottom-center"><NoticeBar /></Panel>
      <Panel position="top-right"><ReadOnlyBanner /></Panel>
      {tasks.length === 0 && (
        <Panel position="top-center" className="empty-canvas">
          <p>No tasks yet. Type a request and press Plan, or add a task.</p>
        </Panel>
      )}
    </ReactFlow>
  );
}

/** The canvas panel. */
export function Canvas() {
  return (
    <ReactFlowProvider>
      <Flow />
    </ReactFlowProvider>
  );
}
