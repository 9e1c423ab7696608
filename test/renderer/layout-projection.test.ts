import { describe, expect, it } from 'vitest';
import type { PlanTask } from '../../src-shared/plan';
import { LARGE_GRAPH_TASKS, layoutTasks } from '../../src-renderer/store/layout';
import { createEdgeProjector, createProjector } from '../../src-renderer/store/projection';
import { createStudioStore } from '../../src-renderer/store/studio-store';
import { detectCaptionSpeak, planResult } from './fixtures';

describe('layout and projection', () => {
  it('lays the graph out left to right along its dependencies', async () => {
    const pos = await layoutTasks(detectCaptionSpeak(), {});
    expect(pos[0].x).toBeLessThan(pos[1].x);
    expect(pos[1].x).toBeLessThan(pos[2].x);
    expect(Object.keys(pos)).toHaveLength(4);
  });

  it('gives a node never measured an estimated size and a handle per port, so React Flow can leave it unrendered; a measured node keeps its own', () => {
    const store = createStudioStore();
    store.getState().planRequested('x', []);
    store.getState().planReceived(planResult());
    const [detect] = createProjector()(store.getState());
    expect(Number.isInteger(detect.measured!.height)).toBe(false);
    expect(detect.handles!.map((h) => [h.id, h.type, h.position])).toEqual([
      ['in:image', 'target', 'left'], ['out:image', 'source', 'right'], ['out:text', 'source', 'right'],
    ]);
    expect(detect.handles![2].y).toBeGreaterThan(detect.handles![1].y);
    store.getState().setSizes({ 0: { width: 260, height: 153 } });
    store.getState().setArg(0, 'image', 'dog.png');
    const [measured] = createProjector()(store.getState());
    expect(measured.measured).toEqual({ width: 260, height: 153 });
    expect(measured.handles).toBeUndefined();
  });

  it('projects labelled task nodes and typed edges, reusing unchanged nodes', () => {
    const store = createStudioStore();
    store.getState().planRequested('x', []);
    store.getState().planReceived(planResult());
    const project = createProjector();
    const first = project(store.getState());
    expect(first.map((n) => n.ariaLabel)).toEqual(['Task 0: object-detection', 'Task 1: image-to-text', 'Task 2: text-to-speech', 'Task 3: image-classification']);
    expect(first[0].data.run.status).toBe('pending');
    expect(createEdgeProjector()(store.getState()).map((e) => [e.sourceHandle, e.targetHandle, e.className])).toEqual([
      ['out:image', 'in:image', 'edge-image'],
      ['out:text', 'in:text', 'edge-text'],
    ]);
    store.getState().setArg(2, 'text', 'hello');
    const second = project(store.getState());
    expect(second[0]).toBe(first[0]);
    expect(second[2]).not.toBe(first[2]);
    expect(second[2].data.changed).toBe(true);
    expect(createEdgeProjector()(store.getState())).toHaveLength(1);
  });

  it('lays a graph larger than LARGE_GRAPH_TASKS (a large graph) out in layers too', async () => {
    const tasks: PlanTask[] = Array.from({ length: LARGE_GRAPH_TASKS + 1 }, (_, i) => ({ id: i, task: 'summarization', dep: i ? [i - 1] : [-1], args: {} }));
    const pos = await layoutTasks(tasks, {});
    expect(Object.keys(pos)).toHaveLength(LARGE_GRAPH_TASKS + 1);
    expect(tasks.slice(1).every((t) => pos[t.id - 1].x < pos[t.id].x)).toBe(true);
  });

  it('keeps node data when a node only moves, is measured or is selected, and nodes when a stream re-sends equal tasks', () => {
    const store = createStudioStore();
    store.getState().planRequested('x', []);
    store.getState().planDelta({ requestId: 'r1', tasks: detectCaptionSpeak().slice(0, 3) });
    const project = createProjector();
    const first = project(store.getState());
    // The next delta re-sends the first three tasks as new objects, plus a fourth.
    store.getState().planDelta({ requestId: 'r1', tasks: detectCaptionSpeak() });
    const second = project(store.getState());
    expect(second.slice(0, 3)).toEqual(first);
    expect(second.slice(0, 3).every((n, i) => n === first[i])).toBe(true);
    expect(second).toHaveLength(4);
    // A measured size alone changes nothing React Flow has not got already.
    store.getState().setSizes({ 2: { width: 280, height: 220 } });
    expect(project(store.getState())).toBe(second);
    store.getState().setPositions({ 1: { x: 500, y: 40 }, 2: { x: 500, y: 400 } });
    store.getState().selectTasks([0]);
    const third = project(store.getState());
    expect(third[1].position).toEqual({ x: 500, y: 40 });
    expect(third[2].measured).toEqual({ width: 280, height: 220 });
    expect(third[0].selected).toBe(true);
    expect(third.slice(0, 3).every((n, i) => n !== second[i] && n.data === second[i].data)).toBe(true);
    expect(third[3]).toBe(second[3]);
    store.getState().setArg(1, 'image', '<resource>-3');
    const fourth = project(store.getState());
    expect(fourth[1].data).not.toBe(third[1].data);
    expect(fourth[1].data.task.args.image).toBe('<resource>-3');
  });

  it('keeps unchanged edges when the graph or a selection changes', () => {
    const store = createStudioStore();
    store.getState().planRequested('x', []);
    store.getState().planReceived(planResult());
    const project = createEdgeProjector();
    const first = project(store.getState());
    store.getState().selectEdges([first[0].id]);
    const second = project(store.getState());
    expect(second[0]).not.toBe(first[0]);
    expect(second[0].selected).toBe(true);
    expect(second[1]).toBe(first[1]);
  });
});
