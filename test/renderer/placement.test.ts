// Node placement without overlap: quick columns in O(n + e), a layered layout for graphs too large for ELK,
// a free spot for a new node, and nodes pushed apart when one grows.
import { describe, expect, it } from 'vitest';
import type { PlanTask } from '../../src-shared/plan';
import { DEFAULT_NODE_SIZE, depthsOf, freeSpot, layeredPositions, NODE_GAP, placedRects, quickPositions, separateOverlaps } from '../../src-renderer/store/placement';
import { createStudioStore } from '../../src-renderer/store/studio-store';
import type { Size, XY } from '../../src-renderer/store/studio-state';
import { detectCaptionSpeak, planResult } from './fixtures';

type Box = XY & Size;
const boxes = (positions: Record<number, XY>, sizes: Record<number, Size>): Box[] =>
  Object.entries(positions).map(([id, at]) => ({ ...at, ...(sizes[Number(id)] ?? DEFAULT_NODE_SIZE) }));
const overlapping = (all: Box[]) =>
  all.flatMap((a, i) => all.slice(i + 1).filter((b) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height));

describe('placement', () => {
  it('puts tasks in columns by depth and rows in order', () => {
    expect(quickPositions(detectCaptionSpeak())).toEqual({ 0: { x: 0, y: 0 }, 1: { x: 300, y: 0 }, 2: { x: 600, y: 0 }, 3: { x: 0, y: 180 } });
  });

  it('handles a long chain and a cycle without recursion or repeated walks', () => {
    const chain: PlanTask[] = Array.from({ length: 5000 }, (_, i) => ({ id: i, task: 'summarization', dep: [i - 1], args: {} }));
    expect(quickPositions(chain)[4999]).toEqual({ x: 4999 * 300, y: 0 });
    const cycle: PlanTask[] = [{ id: 0, task: 'a', dep: [1], args: {} }, { id: 1, task: 'b', dep: [0], args: {} }];
    expect(Object.keys(quickPositions(cycle))).toHaveLength(2);
  });

  it('finds the first free spot below what is in the way', () => {
    const placed = [{ x: 0, y: 0, width: 260, height: 300 }, { x: 0, y: 340, width: 260, height: 100 }];
    expect(freeSpot({ x: 10, y: 10 }, DEFAULT_NODE_SIZE, placed)).toEqual({ x: 10, y: 440 + NODE_GAP });
    expect(freeSpot({ x: 400, y: 10 }, DEFAULT_NODE_SIZE, placed)).toEqual({ x: 400, y: 10 });
  });

  it('pushes the nodes below a grown node down, and leaves separate columns alone', () => {
    const positions = { 0: { x: 0, y: 0 }, 1: { x: 0, y: 220 }, 2: { x: 0, y: 440 }, 3: { x: 400, y: 0 } };
    const grown = { 0: { width: 260, height: 500 } };
    const moved = separateOverlaps(positions, grown);
    expect(Object.keys(moved).map(Number)).toEqual([1, 2]);
    expect(overlapping(boxes({ ...positions, ...moved }, grown))).toEqual([]);
    expect(separateOverlaps({ ...positions, ...moved }, grown)).toEqual({});
  });

  it('adds a task from the palette in free space, never on top of a node', () => {
    const store = createStudioStore();
    store.getState().planRequested('x', []);
    store.getState().planReceived(planResult());
    store.getState().setPositions(quickPositions(store.getState().tasks));
    const id = store.getState().addTask('text-to-speech', { x: 10, y: 10 });
    const { positions, sizes } = store.getState().layout;
    expect(overlapping(boxes(positions, sizes))).toEqual([]);
    expect(positions[id].x).toBe(10);
    const copies = store.getState().pasteTasks(store.getState().tasks.slice(0, 2), store.getState().selections);
    expect(overlapping(boxes(store.getState().layout.positions, sizes))).toEqual([]);
    expect(store.getState().selectedTaskIds).toEqual(copies);
    expect(placedRects(store.getState().layout.positions, sizes)).toHaveLength(7);
  });

  it('lays a large graph out in columns by depth, ordered by where the dependencies sit, without overlaps', () => {
    // 0 and 1 are roots; 2 reads 1 and 3 reads 0: the second column is ordered 3, 2 to follow its sources.
    const tasks: PlanTask[] = [
      { id: 0, task: 'a', dep: [-1], args: {} },
      { id: 1, task: 'a', dep: [-1], args: {} },
      { id: 2, task: 'a', dep: [1], args: {} },
      { id: 3, task: 'a', dep: [0], args: {} },
      { id: 4, task: 'a', dep: [2, 3], args: {} },
    ];
    const sizes = { 0: { width: 300, height: 400 }, 3: { width: 200, height: 90 } };
    const pos = layeredPositions(tasks, sizes, { betweenLayers: 90, withinLayer: 40 });
    expect(pos[0].x).toBe(0);
    expect(pos[3].x).toBe(300 + 90);
    expect(pos[4].x).toBe(300 + 90 + DEFAULT_NODE_SIZE.width + 90);
    expect(pos[0].y).toBeLessThan(pos[1].y);
    expect(pos[3].y).toBeLessThan(pos[2].y);
    expect(pos[1].y - pos[0].y).toBe(400 + 40);
    expect(overlapping(boxes(pos, sizes))).toEqual([]);
    expect(separateOverlaps(pos, sizes)).toEqual({});
  });

  it('gives every task of a 2000-task graph a column after its dependencies', () => {
    const tasks: PlanTask[] = Array.from({ length: 2000 }, (_, i) => ({ id: i, task: 'a', dep: i === 0 ? [-1] : [Math.floor(i / 3), i - 1], args: {} }));
    const depth = depthsOf(tasks);
    expect(tasks.every((t) => t.dep.every((d) => d < 0 || depth.get(d)! < depth.get(t.id)!))).toBe(true);
    const pos = layeredPositions(tasks, {}, { betweenLayers: 90, withinLayer: 40 });
    expect(tasks.every((t) => t.dep.every((d) => d < 0 || pos[d].x < pos[t.id].x))).toBe(true);
  });

  it('separates a crowd of overlapping nodes in many columns, each node only moving down', () => {
    const positions: Record<number, XY> = {};
    const sizes: Record<number, Size> = {};
    for (let i = 0; i < 600; i++) {
      positions[i] = { x: (i % 37) * 173, y: (i * 7919) % 2000 };
      sizes[i] = { width: 200 + (i % 5) * 30, height: 100 + (i % 7) * 40 };
    }
    const moved = separateOverlaps(positions, sizes);
    const after = { ...positions, ...moved };
    const all = boxes(after, sizes);
    const tooClose = all.flatMap((a, i) => all.slice(i + 1).filter((b) =>
      a.x < b.x + b.width + NODE_GAP && b.x < a.x + a.width + NODE_GAP && a.y < b.y + b.height + NODE_GAP && b.y < a.y + a.height + NODE_GAP));
    expect(tooClose).toEqual([]);
    expect(Object.entries(moved).every(([id, at]) => at.x === positions[Number(id)].x && at.y > positions[Number(id)].y)).toBe(true);
  });
});
