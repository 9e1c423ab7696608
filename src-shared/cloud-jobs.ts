// Cloud calls that are billed generation jobs: how long they may take, and that a timed-out one is never
// submitted again by itself (a new submission is a new bill).

/** Task types that Inference Providers (fal-ai, replicate, together, ...) run as queued, billed generation jobs. */
export const PAID_JOB_TASKS: ReadonlySet<string> = new Set(['text-to-image', 'image-to-image', 'text-to-video']);

/** The least time a cloud call of these task types gets, whatever execution.timeoutMs says: video takes minutes. */
const CLOUD_TIMEOUT_FLOOR_MS: Record<string, number> = {
  'text-to-image': 180_000,
  'image-to-image': 180_000,
  'text-to-video': 600_000,
};

/** The timeout of one cloud call of `task`: the configured one, raised to the task's floor. */
export function cloudCallTimeoutMs(task: string, configuredMs: number): number {
  return Math.max(configuredMs, CLOUD_TIMEOUT_FLOOR_MS[task] ?? 0);
}

/** Whether a timed-out cloud call of `task` must not be retried automatically. */
export const isPaidJob = (task: string): boolean => PAID_JOB_TASKS.has(task);
