// Run events: one discriminated union for IPC, the WebSocket bridge and events.jsonl.
import type { TaskOutput } from './resources';

/** A node's status; the canvas shows it as `data-status`, the CLI's `results` uses the same words. */
export type NodeStatus = 'queued' | 'running' | 'succeeded' | 'cached' | 'failed' | 'skipped' | 'cancelled' | 'invalid';

/** Whether a node's status lets its dependents run and its outputs count: it ran, or its result was reused. */
export const isSuccess = (status: NodeStatus | undefined): boolean => status === 'succeeded' || status === 'cached';

/** Whether a status is final for its run. */
export const isSettled = (status: NodeStatus): boolean => status !== 'queued' && status !== 'running';

/** What went wrong, in a form the UI can act on (retry, swap model, fix input). */
export type TaskErrorKind =
  | 'loading' // model is loading (503 with estimated_time)
  | 'rate-limited' // 429
  | 'timeout'
  | 'http' // another HTTP error status
  | 'network' // endpoint unreachable
  | 'bad-output' // the model answered something unreadable
  | 'invalid-input' // arguments refused before the call
  | 'no-model' // no candidate model can serve the task
  | 'cancelled'
  | 'internal';

/** The error of a node the user cancelled: running it again may well work. */
export const cancelledTaskError = (): TaskError => ({ kind: 'cancelled', message: 'cancelled by the user', retriable: true });

/** A typed task error; `retriable` says whether trying again may help. */
export interface TaskError {
  kind: TaskErrorKind;
  message: string;
  retriable: boolean;
  status?: number;
  /** First characters of the response body, for debugging (never holds secrets). */
  bodyExcerpt?: string;
}

/** One call attempt of a node, for debugging. */
export interface AttemptRecord {
  attempt: number;
  endpoint: string;
  url: string;
  startedAt: number;
  durationMs: number;
  status?: number;
  error?: TaskError;
}

/** Final per-run counts. */
export interface RunSummary {
  status: 'succeeded' | 'failed' | 'cancelled';
  durationMs: number;
  counts: Partial<Record<NodeStatus, number>>;
}

type NodeEvent<T extends string, P = object> = { type: T; taskId: number } & P;

/** The body of a run event, without its envelope. */
export type RunEventBody =
  /** The run began; lists the tasks it will consider. */
  | { type: 'run-started'; taskIds: number[] }
  /** A node waits for its dependencies or a free slot. */
  | NodeEvent<'node-queued'>
  /** A call attempt began on `endpoint` with `model`. */
  | NodeEvent<'node-started', { model: string; endpoint: string; attempt: number }>
  /** Progress the endpoint or the engine reported (e.g. waiting for a loading model). */
  | NodeEvent<'node-progress', { message: string; fraction?: number }>
  /** A line for the node's log. */
  | NodeEvent<'node-log', { message: string }>
  /** The node finished; outputs by reference. */
  | NodeEvent<'node-succeeded', { outputs: TaskOutput[]; durationMs: number; model: string; endpoint: string }>
  /** The node's result came from the cache. */
  | NodeEvent<'node-cached', { outputs: TaskOutput[]; model: string; endpoint: string }>
  /** The node failed after its retries. */
  | NodeEvent<'node-failed', { error: TaskError; attempts: AttemptRecord[] }>
  /** The node did not run because an upstream node did not succeed. */
  | NodeEvent<'node-skipped', { reason: string }>
  /** The node was cancelled. */
  | NodeEvent<'node-cancelled'>
  /** The node was refused before running (bad arguments, wrong modality, refused path). */
  | NodeEvent<'node-invalid', { error: TaskError }>
  /** The run ended. */
  | { type: 'run-finished'; summary: RunSummary };

/** A numbered run event. */
export type RunEvent = RunEventBody & { runId: string; seq: number; at: number };

/** The node status an event leads to, if it changes one. */
export function statusAfter(event: RunEventBody): NodeStatus | undefined {
  switch (event.type) {
    case 'node-queued': return 'queued';
    case 'node-started': return 'running';
    case 'node-succeeded': return 'succeeded';
    case 'node-cached': return 'cached';
    case 'node-failed': return 'failed';
    case 'node-skipped': return 'skipped';
    case 'node-cancelled': return 'cancelled';
    case 'node-invalid': return 'invalid';
    default: return undefined;
  }
}
