// Calls a model for one node: bounded retries with backoff, a timeout per call, and hybrid fallback.
import type { AttemptRecord } from '../../../src-shared/run-events';
import { HUGGINGFACE_ENDPOINT } from '../../../src-shared/selection';
import { InferenceError, type InferenceInput, type InferenceTarget, type ModelRunner, type RawOutput } from '../inference';
import { callWithDeadline, cancelledError, formatSeconds } from './call-deadline';
import type { EmitEvent } from './event-sink';
import type { CallSlots } from './limiter';
import { asInferenceError, retryDelayMs, toTaskError } from './retry-policy';
import type { Sleep, TaskTargets } from './types';

/** What a node call needs from the run. */
export interface CallEnvironment {
  runner: ModelRunner;
  slots: CallSlots;
  sleep: Sleep;
  now: () => number;
  emit: EmitEvent;
  timeoutMs: number;
  retries: number;
}

/** The end of a node's calls: outputs and the endpoint that served them, or the last error. */
export type InvokeOutcome =
  | { ok: true; raw: RawOutput[]; endpoint: string; attempts: AttemptRecord[] }
  | { ok: false; error: InferenceError; endpoint: string; attempts: AttemptRecord[] };

/** The endpoint name of a target, as events and records show it. */
export const endpointOf = (target: InferenceTarget): string => (target.kind === 'endpoint' ? target.endpoint : HUGGINGFACE_ENDPOINT);

const urlOf = (target: InferenceTarget): string => (target.kind === 'endpoint' ? target.url : `${HUGGINGFACE_ENDPOINT}:${target.provider}`);

/** One node's model call on its primary target, then on its fallback target if the primary fails. */
export async function invokeModel(
  env: CallEnvironment,
  node: { taskId: number; task: string; model: string; targets: TaskTargets; inputs: Record<string, InferenceInput> },
  signal: AbortSignal,
): Promise<InvokeOutcome> {
  const attempts: AttemptRecord[] = [];
  const targets = node.targets.fallback ? [node.targets.primary, node.targets.fallback] : [node.targets.primary];
  let last: InvokeOutcome | undefined;
  for (const target of targets) {
    if (last && !last.ok) {
      env.emit({ type: 'node-log', taskId: node.taskId, message: `${last.endpoint} failed (${last.error.message}); falling back to ${endpointOf(target)}` });
    }
    last = await callTarget(env, node, target, signal, attempts);
    if (last.ok || last.error.kind === 'cancelled') return last;
  }
  return last!;
}

async function callTarget(
  env: CallEnvironment,
  node: { taskId: number; task: string; model: string; inputs: Record<string, InferenceInput> },
  target: InferenceTarget,
  signal: AbortSignal,
  attempts: AttemptRecord[],
): Promise<InvokeOutcome> {
  const endpoint = endpointOf(target);
  const url = urlOf(target);
  // The per-endpoint limit protects a local server; in the cloud each model is served on its own.
  const slotKey = target.kind === 'huggingface' ? `${endpoint}/${node.model}` : endpoint;
  const tries = env.retries + 1;
  const onProgress = (p: { message: string; fraction?: number }) =>
    env.emit({ type: 'node-progress', taskId: node.taskId, message: p.message, ...(p.fraction === undefined ? {} : { fraction: p.fraction }) });
  for (let attempt = 1; ; attempt += 1) {
    let error: InferenceError;
    let release: (() => void) | undefined;
    try {
      release = await env.slots.acquire(slotKey, signal);
    } catch {
      return { ok: false, error: cancelledError(), endpoint, attempts };
    }
    const number = attempts.length + 1;
    env.emit({ type: 'node-started', taskId: node.taskId, model: node.model, endpoint, attempt: number });
    const startedAt = env.now();
    try {
      const raw = await callWithDeadline(
        (callSignal) => env.runner.run({ task: node.task, model: node.model, target, inputs: node.inputs, signal: callSignal, onProgress }),
        signal,
        env.timeoutMs,
        endpoint,
      );
      if (raw.length === 0) throw new InferenceError('bad-output', `${endpoint} answered with no output`, { retriable: false });
      attempts.push({ attempt: number, endpoint, url, startedAt, durationMs: env.now() - startedAt });
      return { ok: true, raw, endpoint, attempts };
    } catch (thrown) {
      error = asInferenceError(thrown);
      const record: AttemptRecord = { attempt: number, endpoint, url, startedAt, durationMs: env.now() - startedAt, error: toTaskError(error) };
      if (error.details.status !== undefined) record.status = error.details.status;
      attempts.push(record);
    } finally {
      release();
    }
    if (error.kind === 'cancelled' || !error.retriable || attempt >= tries) return { ok: false, error, endpoint, attempts };
    const delay = retryDelayMs(error, attempt);
    env.emit({ type: 'node-progress', taskId: node.taskId, message: waitMessage(error, node.model, endpoint, delay, attempt + 1, tries) });
    await env.sleep(delay, signal);
    if (signal.aborted) return { ok: false, error: cancelledError(), endpoint, attempts };
  }
}

function waitMessage(error: InferenceError, model: string, endpoint: string, delay: number, next: number, tries: number): string {
  const reason = error.kind === 'loading' ? `${model} is loading on ${endpoint}` : error.kind === 'rate-limited' ? `${endpoint} is rate-limiting` : error.message;
  return `${reason}; retrying in ${formatSeconds(delay)} (attempt ${next} of ${tries})`;
}
