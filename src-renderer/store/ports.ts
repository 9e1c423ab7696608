// A task's typed ports as the canvas shows them: the task type's ports plus any extra argument the plan gave.
import type { PlanTask } from '../../src-shared/plan';
import { findTaskType, MODALITIES, type Modality, type PortSpec } from '../../src-shared/tasks';

/** The input and output ports of one task on the canvas. */
export type TaskPorts = { inputs: PortSpec[]; outputs: PortSpec[]; known: boolean };

/** The handle id of an input port (the plan's argument name). */
export const inputHandleId = (name: string): string => `in:${name}`;
/** The handle id of an output port. */
export const outputHandleId = (name: string): string => `out:${name}`;
/** The port name inside a handle id, or undefined when the id is not one of ours. */
export const portOfHandle = (handleId: string | null | undefined): string | undefined =>
  handleId && /^(in|out):/.test(handleId) ? handleId.slice(handleId.indexOf(':') + 1) : undefined;

const guessModality = (argName: string): Modality =>
  (MODALITIES as readonly string[]).includes(argName) ? (argName as Modality) : 'text';

/** The ports of `task`: its type's inputs (then extra args, guessed from their names) and outputs. */
export function portsOf(task: Pick<PlanTask, 'task' | 'args'>): TaskPorts {
  const spec = findTaskType(task.task);
  const inputs: PortSpec[] = spec ? [...spec.inputs] : [];
  for (const name of Object.keys(task.args)) {
    if (!inputs.some((p) => p.name === name)) inputs.push({ name, modality: guessModality(name), optional: true });
  }
  const outputs: PortSpec[] = spec ? spec.outputs : [{ name: 'text', modality: 'text' }];
  return { inputs, outputs, known: Boolean(spec) };
}

/** The modality of a task's input `name`, if that port exists. */
export function inputModality(task: Pick<PlanTask, 'task' | 'args'>, name: string): Modality | undefined {
  return portsOf(task).inputs.find((p) => p.name === name)?.modality;
}

/** The output port of `producer` that feeds an input of `modality` (the first one of that modality). */
export function outputFor(producer: Pick<PlanTask, 'task' | 'args'>, modality: Modality): PortSpec | undefined {
  return portsOf(producer).outputs.find((p) => p.modality === modality);
}
