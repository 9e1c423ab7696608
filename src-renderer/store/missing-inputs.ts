// Which required inputs have nothing to read, so the canvas can show them before a run and Run can say why
// it does not start (instead of the engine refusing the run as "invalid").
import { referencedIds, type PlanTask } from '../../src-shared/plan';
import { portsOf } from './ports';

/** Missing inputs by task id, then by port name, with the reason a user reads. */
export type MissingInputs = Record<number, Record<string, string>>;

/** The required inputs of every task that are empty or read the output of a task that no longer exists. */
export function missingInputs(tasks: readonly PlanTask[]): MissingInputs {
  const live = new Set(tasks.map((t) => t.id));
  const missing: MissingInputs = {};
  for (const task of tasks) {
    for (const port of portsOf(task).inputs) {
      const value = task.args[port.name];
      let reason: string | undefined;
      if (value === undefined || value.trim() === '') reason = port.optional ? undefined : `needs ${port.modality} input`;
      else {
        const gone = referencedIds(value).find((id) => !live.has(id));
        if (gone !== undefined) reason = `reads task ${gone}, which was deleted`;
      }
      if (reason) (missing[task.id] ??= {})[port.name] = reason;
    }
  }
  return missing;
}

/** One sentence listing what is missing, or undefined when every task can run. */
export function missingInputsMessage(tasks: readonly PlanTask[]): string | undefined {
  const lines = Object.entries(missingInputs(tasks)).map(([id, ports]) =>
    `task ${id} (${tasks.find((t) => t.id === Number(id))?.task}): ${Object.entries(ports).map(([port, why]) => `"${port}" ${why}`).join(', ')}`);
  return lines.length ? `Cannot run yet: ${lines.join('; ')}. Fill the inputs in the inspector or wire an output to them.` : undefined;
}
