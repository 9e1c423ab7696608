// Where nodes go without ELK: quick columns for streaming plans, a layered layout for graphs too large for
// ELK, a free spot for a new node, and pushing nodes apart when one grows. Pure geometry, so the canvas never
// shows two nodes on top of each other.
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
 * Each task's column: the longest dependency path leading to it. O(n + e): an iterative depth-first search
 * visits each task and each dependency once; a cycle counts as depth 0.
 */
export function depthsOf(tasks: readonly PlanTask[]): Map<number, number> {
  const live = new Set(tasks.map((t) => t.id));
  const depth = new Map<number, number>();
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const visiting = new Set<number>();
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
  return depth;
}

/** Quick positions before the automatic layout: columns by depth along the dependencies, rows in order. O(n + e). */
export function quickPositions(tasks: readonly PlanTask[]): Record<number, XY> {
  const depth = depthsOf(tasks);
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

/** Gaps of a layered layout: between columns, and between two nodes of one column. */
export type LayerSpacing = { betweenLayers: number; withinLayer: number };

/**
 * A layered left-to-right layout without crossing minimisation, for graphs too large for ELK on the main
 * thread: columns by depth, each column ordered by the mean row of its tasks' dependencies (one sweep, which
 * untangles most crossings), stacked with measured sizes and centred on the tallest column. O(n log n + e).
 */
export function layeredPositions(tasks: readonly PlanTask[], sizes: Record<number, Size>, spacing: LayerSpacing): Record<number, XY> {
  const depth = depthsOf(tasks);
  const columns: PlanTask[][] = [];
  for (const t of tasks) (columns[depth.get(t.id) ?? 0] ??= []).push(t);
  const rowOf = new Map<number, number>();
  const sizeOf = (id: number) => sizes[id] ?? DEFAULT_NODE_SIZE;
  const ordered = columns.filter(Boolean).map((column) => {
    const weight = new Map(column.map((t, index) => {
      const rows = t.dep.map((d) => rowOf.get(d)).filter((r): r is number => r !== undefined);
      return [t.id, rows.length ? rows.reduce((a, b) => a + b, 0) / rows.length : index];
    }));
    const sorted = [...column].sort((a, b) => weight.get(a.id)! - weight.get(b.id)!);
    sorted.forEach((t, row) => rowOf.set(t.id, row));
    return sorted;
  });
  const heightOf = (column: PlanTask[]) => column.reduce((sum, t) => sum + sizeOf(t.id).height, 0) + spacing.withinLayer * (column.length - 1);
  const tallest = Math.max(0, ...ordered.map(heightOf));
  const positions: Record<number, XY> = {};
  let x = 0;
  for (const column of ordered) {
    let y = (tallest - heightOf(column)) / 2;
    for (const t of column) {
      positions[t.id] = { x, y };
      y += sizeOf(t.id).height + spacing.withinLayer;
    }
    x += Math.max(...column.map((t) => sizeOf(t.id).width)) + spacing.betweenLayers;
  }
  return positions;
}

/**
 * The first spot at or below `wanted` where a node of `size` keeps `NODE_GAP` from every placed node.
 * @example freeSpot({ x: 0, y: 0 }, { width: 260, height: 180 }, placedRects) // below whatever sits at 0,0
 */
export function freeSpot(wanted: XY, size: Size, placed: readonly Rect[]): XY {
  const me: Rect = { x: wanted.x, y: wanted.y, width: size.width, height: size.height };
  for (let guard = 0; guard <= placed.length; guard++) {
    const hit = placed.find((r) => tooClose(me, r, NODE_GAP));
    if (!hit) break;
    me.y = hit.y + hit.height + NODE_GAP;
  }
  return { x: me.x, y: me.y };
}

/** The placed nodes as rectangles (measured size, or the default). */
export function placedRects(positions: Record<number, XY>, sizes: Record<number, Size>, except: ReadonlySet<number> = new Set()): Rect[] {
  return Object.entries(positions).filter(([id]) => !except.has(Number(id))).map(([id, at]) => rectOf(at, sizes[Number(id)]));
}

/** The width of the vertical strips `separateOverlaps` files rectangles under. */
const STRIP = 320;
/** The strips a rectangle (widened by the gap) reaches into. */
function stripsOf(x: number, width: number): number[] {
  const strips: number[] = [];
  for (let s = Math.floor((x - NODE_GAP) / STRIP); s <= Math.floor((x + width + NODE_GAP) / STRIP); s++) strips.push(s);
  return strips;
}

/**
 * Moves nodes down until none comes closer than `NODE_GAP` to another, keeping their x and their order
 * from the top: what a node that grew (outputs appeared) does to the nodes below it. Returns only the
 * nodes that moved. Each node is compared only with the settled nodes in the vertical strips it reaches
 * (a column of a layout), so a laid-out graph costs about n log n, not n squared.
 */
export function separateOverlaps(positions: Record<number, XY>, sizes: Record<number, Size>): Record<number, XY> {
  const order = Object.keys(positions).map(Number).sort((a, b) => positions[a].y - positions[b].y || positions[a].x - positions[b].x || a - b);
  const settled = new Map<number, Rect[]>();
  const moved: Record<number, XY> = {};
  for (const id of order) {
    const size = sizes[id] ?? DEFAULT_NODE_SIZE;
    const strips = stripsOf(positions[id].x, size.width);
    const near = strips.flatMap((s) => settled.get(s) ?? []);
    const at = freeSpot(positions[id], size, near);
    if (at.y !== positions[id].y) moved[id] = at;
    const rect = rectOf(at, size);
    for (const s of strips) {
      const list = settled.get(s);
      if (list) list.push(rect);
      else settled.set(s, [rect]);
    }
  }
  return moved;
}
