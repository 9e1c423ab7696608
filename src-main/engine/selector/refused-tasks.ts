// The tasks of a plan whose type no Inference Provider serves and no configured endpoint declares, found
// without any network call: what `hugginggpt plan` reports before selection (which also checks each model).
import type { PlanIssue } from '../../../src-shared/contract';
import type { PlanTask } from '../../../src-shared/plan';
import type { Settings } from '../../../src-shared/settings';
import { findTaskType } from '../../../src-shared/tasks';
import type { CloudAvailability } from './availability';
import { noProviderReason } from './available-candidates';
import { canonicalTask, declaredModels } from './endpoints';

/** One issue per cloud task type that no provider serves and no enabled endpoint declares a model for. */
export function refusedTasks(tasks: PlanTask[], settings: Settings, availability: Pick<CloudAvailability, 'taskServed'>): PlanIssue[] {
  const issues: PlanIssue[] = [];
  for (const task of tasks) {
    const type = canonicalTask(task.task);
    const spec = findTaskType(type);
    if (!spec || spec.runtime !== 'inference' || (settings.selection.llmDoesTextTasks && spec.llmCapable)) continue;
    if (declaredModels(type, settings).length === 0 && !availability.taskServed(type)) {
      issues.push({ taskId: task.id, message: noProviderReason(type, `no Inference Provider serves "${type}" today`) });
    }
  }
  return issues;
}
