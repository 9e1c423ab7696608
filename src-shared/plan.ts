// The plan: HuggingGPT's task list, in the paper's format (`dep: [-1]` when a task has no dependency).
import { z } from 'zod';

/** One planned task; `args` values are literal text, user-given files, or `<resource>-N` references. */
export const PlanTaskSchema = z.object({
  id: z.number().int().nonnegative(),
  task: z.string().min(1),
  dep: z.array(z.number().int().min(-1)),
  args: z.record(z.string(), z.string()),
});
export type PlanTask = z.infer<typeof PlanTaskSchema>;

export const PlanSchema = z.object({ tasks: z.array(PlanTaskSchema) });
export type Plan = z.infer<typeof PlanSchema>;

/** LLM usage, summed over the calls of one operation. */
export const UsageSchema = z.object({
  llmCalls: z.number().int().nonnegative(),
  promptTokens: z.number().int().nonnegative(),
  completionTokens: z.number().int().nonnegative(),
  /** Some token counts are offline estimates: the server reported none (e.g. LM Studio when streaming). */
  estimated: z.boolean().optional(),
});
export type Usage = z.infer<typeof UsageSchema>;

export const emptyUsage = (): Usage => ({ llmCalls: 0, promptTokens: 0, completionTokens: 0 });

/** Adds usage `b` into a new total. */
export function addUsage(a: Usage, b: Usage): Usage {
  const estimated = a.estimated || b.estimated;
  return {
    llmCalls: a.llmCalls + b.llmCalls,
    promptTokens: a.promptTokens + b.promptTokens,
    completionTokens: a.completionTokens + b.completionTokens,
    ...(estimated ? { estimated } : {}),
  };
}

/** The canonical reference to task N's output. */
export const resourceRef = (id: number): string => `<resource>-${id}`;

/** Matches canonical `<resource>-N` references inside an argument value. */
export const RESOURCE_REF_PATTERN = /<resource>-(\d+)/g;

/** The task ids referenced by an argument value. */
export function referencedIds(value: string): number[] {
  return [...value.matchAll(RESOURCE_REF_PATTERN)].map((m) => Number(m[1]));
}

/** A task's real dependencies (without the paper's `-1` marker). */
export function depsOf(task: PlanTask): number[] {
  return task.dep.filter((d) => d >= 0);
}
