// Where a task node's handles are before React Flow has measured the node: an estimate from its rows, so that a
// large graph can leave the nodes out of view unrendered (React Flow renders every node it has no handle
// positions for) and still draw the edges that lead to them. A rendered node is always measured (see
// ESTIMATED_NODE_SIZE), so an estimate only ever stands for a node nobody sees.
import { DEFAULT_NODE_SIZE } from './placement';
import { inputHandleId, outputHandleId, type TaskPorts } from './ports';
import type { Size } from './studio-state';

/**
 * The size given to a node not measured yet: the placement's default size plus half a pixel. Measured sizes
 * are whole pixels (offsetWidth, offsetHeight), so React Flow never takes the estimate for a measurement and
 * always measures a node it renders.
 */
export const ESTIMATED_NODE_SIZE: Size = { width: DEFAULT_NODE_SIZE.width, height: DEFAULT_NODE_SIZE.height + 0.5 };

// The node's rows as styles.css lays them out with a one-line header (measured in Chromium, in flow pixels).
const HANDLE = 10;
const FIRST_ROW_HANDLE_Y = 37.2;
const INPUT_ROW = 22.8;
const MODEL_ROW = 26.4;
const OUTPUT_ROW = 22;
const LEFT_X = -1;
const RIGHT_X = DEFAULT_NODE_SIZE.width - 6;

/** A handle's box within its node (flow pixels, from the node's top-left corner), as React Flow measures it. */
export type HandleBox = { id: string; type: 'source' | 'target'; x: number; y: number; width: number; height: number };

/** The handles of a node with these ports, where its rows put them: inputs on the left, outputs on the right below the model row. */
export function estimatedHandles(ports: TaskPorts): HandleBox[] {
  const inputs = ports.inputs.map((p, i): HandleBox => ({
    id: inputHandleId(p.name), type: 'target', x: LEFT_X, y: FIRST_ROW_HANDLE_Y + i * INPUT_ROW, width: HANDLE, height: HANDLE,
  }));
  const outputsTop = FIRST_ROW_HANDLE_Y + ports.inputs.length * INPUT_ROW + MODEL_ROW;
  const outputs = ports.outputs.map((p, i): HandleBox => ({
    id: outputHandleId(p.name), type: 'source', x: RIGHT_X, y: outputsTop + i * OUTPUT_ROW, width: HANDLE, height: HANDLE,
  }));
  return [...inputs, ...outputs];
}
