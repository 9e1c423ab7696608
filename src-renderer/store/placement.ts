// Where nodes go without the automatic layout: quick columns for streaming plans, a free spot for a new
// node, and pushing nodes apart when one grows. Pure geometry, so the canvas never shows two nodes on top
// of each other.
import type { PlanTask } from '../../src-shared/plan';
import type { Size, XY } from './studio-state';

/** The size assumed for a node React Flow has not measured yet. */
export const DEFAULT_NODE_SIZE: Size = { width: 260, height: 180 };
/** The free space kept between two nodes. */
export const NODE_GAP = 32;
const COLUMN = 300;
const ROW = 180;

type Rect = XY & Size;
const rectOf = (at: XY, size: Size | undefined): Rect => ({ ...at, ...(size ?? DEFAULT_NODE_SIZE) });
/** Whether two rectangles come closer than `gap` (touching at exactly `gap` is fine). */
const tooClose = (a: Rect, b: Rect, gap: number): boolean =>
  a.x < b.x + b.width + gap && b.x < a.x + a.width + gap && a.y < b.y + b.height + gap && b.y < a.y + a.height + gap;

/**
 * Quick positions for the tasks that have none, before the automatic layout: columns by depth along the
 * dependencies, rows in order within a column. O(n + e): depths come from one pass in dependency order.
 */
export function quickPositions(tasks: readonly PlanTask[]): Record<number, XY> {
  const live = new Set(tasks.map((t) => t.id));
  const depth = new Map<number, number>();
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const visiting = new Set<number>();
  // Iterative depth-first search: each task and each dependency is visited once; a cycle counts as depth 0.
  for (const root of tasks) {
    const stack: { id: number; next: number }[] = [{ id: root.id, next: 0 }];
    while (stack.length) {
      const top = stack[stack.length - 1];
      if (depth.has(top.id)) { stack.pop(); continue; }
      visiting.add(top.id);
      const deps = byId.get(top.id)!.dep;
      if (top.next < deps.length) {
        const d = deps[top.next++];
        if (live.has(d) && !depth.has(d) && !visiting.has(d)) stack.push({ id: d, next: 0 });
        continue;
      }
      let best = -1;
      for (const d of deps) if (depth.has(d)) best = Math.max(best, depth.get(d)!);
      depth.set(top.id, best + 1);
      visiting.delete(top.id);
      stack.pop();
    }
  }
  const rows = new Map<number, number>();
  const positions: Record<number, XY> = {};
  for (const t of tasks) {
    const col = depth.get(t.id) ?? 0;
    const row = rows.get(col) ?? 0;
    rows.set(col, row + 1);
    positions[t.id] = { x: col * COLUMN, y: row * ROW };
  }
  return positions;
}

/**
 * The first spot at or below `wanted` where a node of `size` keeps `NODE_GAP` from every placed node.
 * @example freeSpot({ x: 0, y: 0 }, { width: 260, height: 180 }, placedRects) // below whatever sits at 0,0
 */
export function freeSpot(wanted: XY, size: Size, placed: readonly Rect[]): XY {
  const at = { ...wanted };
  for (let guard = 0; guard <= placed.length; guard++) {
    const hit = placed.find((r) => tooClose(rectOf(at, size), r, NODE_GAP));
    if (!hit) return at;
    at.y = hit.y + hit.height + NODE_GAP;
  }
  return at;
}

/** The placed nodes as rectangles (measured size, or the default). */
export function placedRects(positions: Record<number, XY>, sizes: Record<number, Size>, except: ReadonlySet<number> = new Set()): Rect[] {
  return Object.entries(positions).filter(([id]) => !except.has(Number(id))).map(([id, at]) => rectOf(at, sizes[Number(id)]));
}

/**
 * Moves nodes down until none comes closer than `NODE_GAP` to another, keeping their x and their order
 * from the top: what a node that grew (outputs appeared) does to the nodes below it. Returns only the
 * nodes that moved.
 */
export function separateOverlaps(positions: Record<number, XY>, sizes: Record<number, Size>): Record<number, XY> {
  const order = Object.keys(positions).map(Number).sort((a, b) => positions[a].y - positions[b].y || positions[a].x - positions[b].x || a - b);
  const settled: Rect[] = [];
  const moved: Record<number, XY> = {};
  for (const id of order) {
    const at = freeSpot(positions[id], sizes[id] ?? DEFAULT_NODE_SIZE, settled);
    if (at.y !== positions[id].y) moved[id] = at;
    settled.push(rectOf(at, sizes[id]));
  }
  return moved;
}
