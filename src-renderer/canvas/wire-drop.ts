// A wire dropped on empty canvas: which task types fit its loose end, and how the new task is connected.
import type { PlanTask } from '../../src-shared/plan';
import type { Modality, TaskTypeSpec } from '../../src-shared/tasks';
import type { ConnectionRequest } from '../store/graph-edits';
import { portsOf } from '../store/ports';

/** The end a wire was dragged from: an output (`source`) or an input (`target`) port of a task. */
export type WireEnd = { taskId: number; port: string; side: 'source' | 'target'; modality: Modality };

/** The wire end for a task's handle, or undefined when the port does not exist. */
export function wireEnd(task: PlanTask, port: string, side: WireEnd['side']): WireEnd | undefined {
  const ports = portsOf(task);
  const spec = (side === 'source' ? ports.outputs : ports.inputs).find((p) => p.name === port);
  return spec && { taskId: task.id, port, side, modality: spec.modality };
}

/** Whether a task type can take the wire: an input of its modality (from an output), or an output of it (from an input). */
export const fitsWire = (end: WireEnd) => (spec: TaskTypeSpec): boolean =>
  (end.side === 'source' ? spec.inputs : spec.outputs).some((p) => p.modality === end.modality);

/** The connection between the wire's end and a new task of type `spec` (id `newId`). */
export function connectionToNewTask(end: WireEnd, spec: TaskTypeSpec, newId: number): ConnectionRequest | undefined {
  if (end.side === 'source') {
    const input = spec.inputs.find((p) => p.modality === end.modality);
    return input && { source: end.taskId, sourcePort: end.port, target: newId, targetPort: input.name };
  }
  const output = spec.outputs.find((p) => p.modality === end.modality);
  return output && { source: newId, sourcePort: output.name, target: end.taskId, targetPort: end.port };
}

/** A short heading for the palette that the wire opened. */
export const wireHeading = (end: WireEnd): string =>
  end.side === 'source' ? `Tasks that take ${end.modality} from task ${end.taskId}` : `Tasks that give ${end.modality} to task ${end.taskId}`;
