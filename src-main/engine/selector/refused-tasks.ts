// The tasks of a plan whose type no Inference Provider serves and no configured endpoint declares, found
// without any network call: what `hugginggpt plan` reports before selection (which also checks each model).
import type { PlanIssue } from '../../../src-shared/contract';
import type { PlanTask } from '../../../src-shared/plan';
import type { Settings } from '../../../src-shared/settings';
import { findTaskType } from '../../../src-shared/tasks';
import { rankCandidates } from './candidates';
import { canonicalTask } from './endpoints';
import { noCandidateReason, servableCandidates, type TaskServed } from './servable-candidates';

/** One issue per cloud task type that no provider serves and no enabled endpoint declares a model for. */
export function refusedTasks(tasks: PlanTask[], settings: Settings, availability: TaskServed): PlanIssue[] {
  const issues: PlanIssue[] = [];
  for (const task of tasks) {
    const type = canonicalTask(task.task);
    if (settings.selection.llmDoesTextTasks && findTaskType(type)?.llmCapable) continue;
    // No catalog needed: when no provider serves the type only endpoint models remain, and those rank without it.
    const { candidates, cloudProblem } = servableCandidates(type, rankCandidates(type, [], settings), availability);
    if (candidates.length === 0 && cloudProblem) issues.push({ taskId: task.id, message: noCandidateReason(type, cloudProblem, [], settings) });
  }
  return issues;
}
