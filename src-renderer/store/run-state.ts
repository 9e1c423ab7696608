// What the canvas knows about each node's latest run, folded from run events.
import type { RecordedNode } from '../../src-shared/library';
import type { AttemptRecord, NodeStatus, RunEvent, RunSummary } from '../../src-shared/run-events';
import { isSettled as isSettledStatus, statusAfter } from '../../src-shared/run-events';

/** A node's status on the canvas: a run status, or `pending` before any run touched it. */
export type DisplayStatus = NodeStatus | 'pending';

/**
 * One node's latest run: what a run record keeps of a node (RecordedNode, the one shape the engine and the
 * history share), plus what only a live canvas knows (attempt number, progress, log lines, which run).
 */
export type NodeRun = Omit<RecordedNode, 'status' | 'attempts'> & {
  status: DisplayStatus;
  attempts?: AttemptRecord[];
  attempt?: number;
  progress?: { message: string; fraction?: number };
  logs: string[];
  runId?: string;
};

/** Node runs keyed by task id. */
export type NodeRuns = Record<number, NodeRun>;

/** The run as a whole. */
export type RunInfo = {
  /** The run whose events are being applied. */
  activeRunId?: string;
  /** The latest run that started (for `baseRunId`). */
  lastRunId?: string;
  /** `run.start` was called and has not answered yet. */
  starting: boolean;
  summary?: RunSummary;
  /** Events that arrived before `run.start` answered with their run id. */
  early: RunEvent[];
};

const MAX_LOG_LINES = 200;

/** A node that has not run. */
export const idleRun = (): NodeRun => ({ status: 'pending', outputs: [], logs: [] });

/** The node runs after one event (unchanged object when the event changes nothing). */
export function applyRunEvent(runs: NodeRuns, event: RunEvent): NodeRuns {
  if (event.type === 'run-started') {
    const next = { ...runs };
    for (const id of event.taskIds) next[id] = { ...idleRun(), status: 'queued', runId: event.runId };
    return next;
  }
  if (event.type === 'run-finished') return runs;
  const prev = runs[event.taskId] ?? idleRun();
  const status = statusAfter(event) ?? prev.status;
  const node: NodeRun = { ...prev, status, runId: event.runId };
  switch (event.type) {
    case 'node-queued':
      Object.assign(node, { outputs: [], error: undefined, progress: undefined, durationMs: undefined });
      break;
    case 'node-started':
      Object.assign(node, { model: event.model, endpoint: event.endpoint, attempt: event.attempt, startedAt: prev.startedAt ?? event.at, error: undefined });
      break;
    case 'node-progress':
      node.progress = { message: event.message, fraction: event.fraction };
      break;
    case 'node-log':
      node.logs = [...prev.logs, event.message].slice(-MAX_LOG_LINES);
      break;
    case 'node-succeeded':
      Object.assign(node, { outputs: event.outputs, durationMs: event.durationMs, model: event.model, endpoint: event.endpoint, progress: undefined });
      break;
    case 'node-cached':
      Object.assign(node, { outputs: event.outputs, model: event.model, endpoint: event.endpoint, durationMs: 0, progress: undefined });
      break;
    case 'node-failed':
      Object.assign(node, { error: event.error, attempts: event.attempts, progress: undefined, durationMs: prev.startedAt ? event.at - prev.startedAt : undefined });
      break;
    case 'node-invalid':
      Object.assign(node, { error: event.error, progress: undefined });
      break;
    case 'node-skipped':
      Object.assign(node, { reason: event.reason, progress: undefined });
      break;
    case 'node-cancelled':
      node.progress = undefined;
      break;
  }
  return { ...runs, [event.taskId]: node };
}

/** Whether a status is final for this run (`pending`: no run touched the node). */
export const isSettled = (s: DisplayStatus): boolean => s !== 'pending' && isSettledStatus(s);
