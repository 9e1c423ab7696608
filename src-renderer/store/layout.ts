// Automatic left-to-right layout of the task graph with ELK's layered algorithm (positions only, no meaning).
import type { ELK } from 'elkjs/lib/elk-api';
import type { PlanTask } from '../../src-shared/plan';
import { edgesOf } from './graph-edits';
import { DEFAULT_NODE_SIZE } from './placement';
import type { Size, XY } from './studio-state';

// ELK is large (about 1.5 MB): loaded on the first layout, in its own chunk.
let elk: Promise<ELK> | undefined;
const loadElk = () => (elk ??= import('elkjs/lib/elk.bundled.js').then((m) => new m.default()));


/** Positions for every task: layers left to right along the dependencies, using measured sizes when known. */
export async function layoutTasks(tasks: readonly PlanTask[], sizes: Record<number, Size>): Promise<Record<number, XY>> {
  const pairs = new Map<string, { source: number; target: number }>();
  for (const e of edgesOf(tasks)) pairs.set(`${e.source}->${e.target}`, e);
  const graph = await (await loadElk()).layout({
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.spacing.nodeNode': '40',
      'elk.layered.spacing.nodeNodeBetweenLayers': '90',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
    },
    children: tasks.map((t) => ({ id: String(t.id), ...(sizes[t.id] ?? DEFAULT_NODE_SIZE) })),
    edges: [...pairs.entries()].map(([id, e]) => ({ id, sources: [String(e.source)], targets: [String(e.target)] })),
  });
  const positions: Record<number, XY> = {};
  for (const child of graph.children ?? []) positions[Number(child.id)] = { x: child.x ?? 0, y: child.y ?? 0 };
  return positions;
}
