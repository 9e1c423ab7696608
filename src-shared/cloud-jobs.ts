// Model calls that are billed generation jobs: how long they may take by default, and that a timed-out
// one is never submitted again by itself (a new submission is a new bill).

/** Task types that Inference Providers (fal-ai, replicate, together, ...) run as queued, billed generation jobs. */
export const PAID_JOB_TASKS: ReadonlySet<string> = new Set(['text-to-image', 'image-to-image', 'text-to-video']);

/** Default per-task call timeouts (settings execution.taskTimeoutMs): generation takes minutes, video most. */
export const DEFAULT_TASK_TIMEOUTS_MS: Readonly<Record<string, number>> = {
  'text-to-image': 180_000,
  'image-to-image': 180_000,
  'text-to-video': 600_000,
};

/** The timeout of one call of `task`: its own entry in `perTask`, else the general one. */
export const callTimeoutMs = (task: string, generalMs: number, perTask: Readonly<Record<string, number>> = {}): number =>
  perTask[task] ?? generalMs;

/** Whether a timed-out cloud call of `task` must not be retried automatically. */
export const isPaidJob = (task: string): boolean => PAID_JOB_TASKS.has(task);
