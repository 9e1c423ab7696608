// Validates a parsed plan: known task types (names made canonical), arguments that fit the ports,
// references to earlier existing tasks, no cycles, a sane size, and only resources the user gave.
import type { PlanIssue } from '../../../src-shared/contract';
import { depsOf, type PlanTask } from '../../../src-shared/plan';
import { findCycles, planGraph } from '../../../src-shared/plan-graph';
import { findTaskType } from '../../../src-shared/tasks';
import { nearestTaskTypes } from './suggest-task';
import { normalizeResourceName } from './user-resources';
import { argumentProblems } from './validate-args';

/** The most tasks one plan may hold. */
export const MAX_PLAN_TASKS = 30;

/** What validation needs besides the plan. */
export interface ValidationContext {
  /** Files (names or paths) and URLs the user gave in this conversation, attachments included. */
  userResources: string[];
}

const label = (task: PlanTask): string => `task ${task.id} (${task.task || 'no type'})`;

/** Problems with how tasks depend on each other: missing, self, later tasks, and cycles. */
function dependencyIssues(tasks: PlanTask[], byId: Map<number, PlanTask>): PlanIssue[] {
  const issues: PlanIssue[] = [];
  const cycleList = findCycles(planGraph(tasks)).filter((c) => c.length > 2);
  const onCycle = new Set(cycleList.flat());
  const position = new Map(tasks.map((t, i) => [t.id, i]));
  tasks.forEach((task, index) => {
    for (const dep of depsOf(task)) {
      if (dep === task.id) issues.push({ taskId: task.id, message: `${label(task)} depends on itself` });
      else if (!byId.has(dep)) issues.push({ taskId: task.id, message: `${label(task)} depends on task ${dep}, which is not in the plan` });
      else if (position.get(dep)! > index && !(onCycle.has(dep) && onCycle.has(task.id))) {
        issues.push({ taskId: task.id, message: `${label(task)} depends on task ${dep}, which comes later in the plan` });
      }
    }
  });
  for (const cycle of cycleList) {
    issues.push({ taskId: cycle[0], message: `tasks ${cycle.slice(0, -1).sort((a, b) => a - b).join(', ')} wait for each other in a cycle` });
  }
  return issues;
}

/**
 * Checks a plan and returns it with canonical task type names, plus one issue per problem.
 * @example validatePlan(parsePlanText(answer), { userResources: ['example.jpg'] })
 */
export function validatePlan(tasks: PlanTask[], context: ValidationContext): { tasks: PlanTask[]; issues: PlanIssue[] } {
  const canonical = tasks.map((t) => ({ ...t, task: findTaskType(t.task)?.type ?? t.task }));
  const issues: PlanIssue[] = [];
  if (canonical.length > MAX_PLAN_TASKS) {
    issues.push({ message: `the plan has ${canonical.length} tasks; at most ${MAX_PLAN_TASKS} are allowed` });
  }
  const byId = new Map<number, PlanTask>();
  for (const task of canonical) {
    if (byId.has(task.id)) issues.push({ taskId: task.id, message: `two tasks have id ${task.id}: ids must be unique` });
    else byId.set(task.id, task);
  }
  const argsContext = { byId, userResources: new Set(context.userResources.map(normalizeResourceName)) };
  for (const task of canonical) {
    const spec = findTaskType(task.task);
    if (!spec) {
      const hint = task.task ? `; did you mean ${nearestTaskTypes(task.task).join(', ')}?` : '';
      issues.push({ taskId: task.id, message: `${label(task)}: unknown task type${hint}` });
      continue;
    }
    for (const problem of argumentProblems(task, spec, argsContext)) issues.push({ taskId: task.id, message: `${label(task)}: ${problem}` });
  }
  if (byId.size === canonical.length) issues.push(...dependencyIssues(canonical, byId));
  return { tasks: canonical, issues };
}
