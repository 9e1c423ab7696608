// Runs one ready node: check its model, resolve its inputs, try the cache, call the model, store outputs.
import { cancelledTaskError, type RunEventBody, type TaskError } from '../../../src-shared/run-events';
import { LLM_ENDPOINT } from '../../../src-shared/selection';
import type { TaskOutput } from '../../../src-shared/resources';
import type { InferenceInput } from '../inference';
import { cacheKeyOf } from './cache-key';
import { invokeLlm } from './invoke-llm';
import { invokeModel, type CallEnvironment } from './invoke-model';
import { resolveInputs, type ResolvedInput } from './resolve-inputs';
import { seedInputs } from './seed-input';
import { toTaskError } from './retry-policy';
import { storeOutputs } from './store-outputs';
import type { GraphNode } from './task-graph';
import type { ExecuteInput, NodeResult } from './types';

/** What a node needs from its run. */
export interface NodeEnvironment extends CallEnvironment {
  input: ExecuteInput;
  outputsOf(taskId: number): TaskOutput[] | undefined;
  isUpstream(taskId: number, ancestor: number): boolean;
  forced(taskId: number): boolean;
  /** Keeps a background write (cache) so the run can wait for it before it ends. */
  track(write: Promise<unknown>): void;
}

/** A node's final result and the event that announces it. */
export interface NodeEnd {
  result: NodeResult;
  event: RunEventBody;
}

const failure = (taskId: number, error: TaskError, base: Partial<NodeResult> = {}): NodeEnd => ({
  result: { status: 'failed', outputs: [], attempts: [], ...base, error },
  event: { type: 'node-failed', taskId, error, attempts: base.attempts ?? [] },
});

const refusal = (taskId: number, error: TaskError, base: Partial<NodeResult>): NodeEnd => ({
  result: { status: 'invalid', outputs: [], attempts: [], ...base, error },
  event: { type: 'node-invalid', taskId, error },
});

/** The end of a cancelled node. */
export const cancellation = (taskId: number, base: Partial<NodeResult> = {}): NodeEnd => ({
  result: { status: 'cancelled', outputs: [], attempts: [], ...base, error: cancelledTaskError() },
  event: { type: 'node-cancelled', taskId },
});

/** Runs the node to its end; never throws for failures it can classify. */
export async function runNode(env: NodeEnvironment, node: GraphNode, signal: AbortSignal): Promise<NodeEnd> {
  const { input } = env;
  const taskId = node.task.id;
  const spec = node.spec!;
  const startedAt = env.now();
  const selection = input.selections[taskId];
  if (!selection) {
    const message = input.unavailable?.[taskId] ?? `no model is available for the task "${spec.type}"`;
    return failure(taskId, { kind: 'no-model', message, retriable: false }, { startedAt, durationMs: 0 });
  }
  const model = selection.model;
  const byLlm = selection.endpoint === LLM_ENDPOINT;
  const targets = input.targets[taskId];
  if (!byLlm && !targets) {
    return failure(taskId, { kind: 'no-model', message: `no endpoint is configured to serve ${model}`, retriable: false }, { model, startedAt, durationMs: 0 });
  }
  const base: Partial<NodeResult> = { model, startedAt };
  const resolution = resolveInputs(spec, node.task.args, {
    userResources: input.userResources,
    outputsOf: env.outputsOf,
    isUpstream: (ancestor) => env.isUpstream(taskId, ancestor),
  });
  if (!resolution.ok) return refusal(taskId, resolution.error, { ...base, durationMs: env.now() - startedAt });
  const seeded = seedInputs(spec, resolution.inputs, input.deps.randomSeed);
  if (!seeded.ok) return refusal(taskId, seeded.error, { ...base, durationMs: env.now() - startedAt });
  if (seeded.drawn !== undefined) {
    env.emit({ type: 'node-log', taskId, message: `seed ${seeded.drawn} (random for this run; write it in the seed argument to make the same result again)` });
  }
  if (resolution.ignoredArgs.length > 0) {
    env.emit({ type: 'node-log', taskId, message: `ignored argument(s) ${resolution.ignoredArgs.join(', ')}: "${spec.type}" has no such input` });
  }

  const cache = input.deps.cache;
  const cacheKey = cache ? cacheKeyOf(spec.type, model, seeded.inputs) : undefined;
  base.cacheKey = cacheKey;
  if (cache && cacheKey && !env.forced(taskId)) {
    const hit = await cache.get(cacheKey).catch(() => undefined);
    if (signal.aborted) return cancellation(taskId, base);
    if (hit && hit.outputs.length > 0) {
      return {
        result: { ...base, status: 'cached', outputs: hit.outputs, endpoint: hit.endpoint, attempts: [], durationMs: env.now() - startedAt },
        event: { type: 'node-cached', taskId, outputs: hit.outputs, model: hit.model, endpoint: hit.endpoint },
      };
    }
  }

  let inputs: Record<string, InferenceInput>;
  try {
    inputs = await loadInputs(seeded.inputs, env);
  } catch (error) {
    const message = `a stored input file could not be read: ${error instanceof Error ? error.message : String(error)}`;
    return refusal(taskId, { kind: 'invalid-input', message, retriable: false }, { ...base, durationMs: env.now() - startedAt });
  }
  if (signal.aborted) return cancellation(taskId, base);

  const outcome = byLlm
    ? await invokeLlm(env, input.deps.chat, { taskId, spec, model, inputs, request: input.context?.request }, signal)
    : await invokeModel(env, { taskId, task: spec.type, model, targets: targets!, inputs }, signal);
  const done: Partial<NodeResult> = { ...base, endpoint: outcome.endpoint, attempts: outcome.attempts, durationMs: env.now() - startedAt };
  if (!outcome.ok) {
    if (outcome.error.kind === 'cancelled') return cancellation(taskId, done);
    return failure(taskId, toTaskError(outcome.error), done);
  }
  let outputs: TaskOutput[];
  try {
    outputs = await storeOutputs(outcome.raw, input.deps.store);
  } catch (error) {
    const message = `the outputs could not be stored: ${error instanceof Error ? error.message : String(error)}`;
    return failure(taskId, { kind: 'internal', message, retriable: true }, done);
  }
  if (cache && cacheKey) {
    const write = cache.set(cacheKey, { outputs, model, endpoint: outcome.endpoint, storedAt: env.now() });
    env.track(write.catch((error: unknown) => env.emit({ type: 'node-log', taskId, message: `the result could not be cached: ${String(error)}` })));
  }
  const durationMs = env.now() - startedAt;
  return {
    result: { ...done, status: 'succeeded', outputs, attempts: outcome.attempts, durationMs },
    event: { type: 'node-succeeded', taskId, outputs, durationMs, model, endpoint: outcome.endpoint },
  };
}

async function loadInputs(resolved: Record<string, ResolvedInput>, env: NodeEnvironment): Promise<Record<string, InferenceInput>> {
  const entries = await Promise.all(
    Object.entries(resolved).map(async ([port, input]): Promise<[string, InferenceInput]> => {
      if (input.modality === 'text') return [port, input];
      const bytes = await env.input.deps.store.read(input.ref);
      return [port, { modality: input.modality, bytes, mime: input.ref.mime, name: input.ref.name }];
    }),
  );
  return Object.fromEntries(entries);
}
