// Automatic left-to-right layout of the task graph (positions only, no meaning): ELK's layered algorithm, or
// for large graphs (over LARGE_GRAPH_TASKS) the O(n log n + e) layered placement of placement.ts.
import type { ELK } from 'elkjs/lib/elk-api';
import type { PlanTask } from '../../src-shared/plan';
import { edgesOf } from './graph-edits';
import { DEFAULT_NODE_SIZE, layeredPositions, type LayerSpacing } from './placement';
import type { Size, XY } from './studio-state';

// ELK is large (about 1.5 MB): loaded on the first layout, in its own chunk.
let elk: Promise<ELK> | undefined;
const loadElk = () => (elk ??= import('elkjs/lib/elk.bundled.js').then((m) => new m.default()));

/**
 * Above this many tasks a graph is large: the main thread cannot afford to treat every node in full. ELK runs
 * on the renderer's main thread and its crossing minimisation grows fast (about 0.25 s of CPU for 30 tasks,
 * 0.4 s for 100 and 1.7 s for 500 here, during which the canvas cannot move), so a large graph gets the
 * layered placement; and mounting a node costs about 1 ms, so the canvas renders only the nodes in view.
 * Plans hold at most 30 tasks; larger graphs come from an LLM's oversized plan as it streams.
 */
export const LARGE_GRAPH_TASKS = 100;
/** The gaps both layouts keep. */
const SPACING: LayerSpacing = { betweenLayers: 90, withinLayer: 40 };

/** Positions for every task: layers left to right along the dependencies, using measured sizes when known. */
export async function layoutTasks(tasks: readonly PlanTask[], sizes: Record<number, Size>): Promise<Record<number, XY>> {
  if (tasks.length > LARGE_GRAPH_TASKS) return layeredPositions(tasks, sizes, SPACING);
  const pairs = new Map<string, { source: number; target: number }>();
  for (const e of edgesOf(tasks)) pairs.set(`${e.source}->${e.target}`, e);
  const graph = await (await loadElk()).layout({
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.spacing.nodeNode': String(SPACING.withinLayer),
      'elk.layered.spacing.nodeNodeBetweenLayers': String(SPACING.betweenLayers),
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
    },
    children: tasks.map((t) => ({ id: String(t.id), ...(sizes[t.id] ?? DEFAULT_NODE_SIZE) })),
    edges: [...pairs.entries()].map(([id, e]) => ({ id, sources: [String(e.source)], targets: [String(e.target)] })),
  });
  const positions: Record<number, XY> = {};
  for (const child of graph.children ?? []) positions[Number(child.id)] = { x: child.x ?? 0, y: child.y ?? 0 };
  return positions;
}
