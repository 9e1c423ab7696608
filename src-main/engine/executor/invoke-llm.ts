// Text-only tasks the controlling LLM does itself (selection endpoint 'llm'), as HuggingGPT does.
import type { AttemptRecord } from '../../../src-shared/run-events';
import { LLM_ENDPOINT } from '../../../src-shared/selection';
import type { TaskTypeSpec } from '../../../src-shared/tasks';
import { LlmError, type ChatMessage, type ChatModel } from '../chat-model';
import { InferenceError, type InferenceInput } from '../inference';
import { callWithDeadline, cancelledError } from './call-deadline';
import type { CallEnvironment, InvokeOutcome } from './invoke-model';
import { asInferenceError, toTaskError } from './retry-policy';

/** The short instruction prompt for one text task. */
export function llmTaskMessages(spec: TaskTypeSpec, inputs: Record<string, InferenceInput>, request?: string): ChatMessage[] {
  const system =
    `You are an expert model doing one step of a larger job: the task "${spec.type}" (${spec.summary}). ` +
    'Reply with the result only: no preamble, no explanation, no quotes.';
  const parts = request ? [`The user's overall request, for context: ${request}`] : [];
  for (const [port, input] of Object.entries(inputs)) {
    if (input.modality === 'text') parts.push(`${port}:\n${input.text}`);
  }
  return [
    { role: 'system', content: system },
    { role: 'user', content: parts.join('\n\n') },
  ];
}

const LLM_KINDS: Record<LlmError['kind'], InferenceError['kind']> = {
  auth: 'http',
  network: 'network',
  timeout: 'timeout',
  'rate-limited': 'rate-limited',
  http: 'http',
  cancelled: 'cancelled',
  'bad-request': 'http',
};

/** Runs a text task on the chat model (one attempt: the chat model retries by itself). */
export async function invokeLlm(
  env: CallEnvironment,
  chat: ChatModel | undefined,
  node: { taskId: number; spec: TaskTypeSpec; model: string; inputs: Record<string, InferenceInput>; request?: string },
  signal: AbortSignal,
): Promise<InvokeOutcome> {
  const endpoint = LLM_ENDPOINT;
  const attempts: AttemptRecord[] = [];
  if (!chat) return { ok: false, error: new InferenceError('no-model', 'no LLM is configured to do this text task', { retriable: false }), endpoint, attempts };
  let release: () => void;
  try {
    release = await env.slots.acquire(endpoint, signal);
  } catch {
    return { ok: false, error: cancelledError(), endpoint, attempts };
  }
  env.emit({ type: 'node-started', taskId: node.taskId, model: node.model, endpoint, attempt: 1 });
  const startedAt = env.now();
  try {
    const messages = llmTaskMessages(node.spec, node.inputs, node.request);
    const result = await callWithDeadline((s) => chat.complete({ messages, signal: s, temperature: 0 }), signal, env.timeoutMs, 'the LLM');
    const text = result.text.trim();
    if (!text) throw new InferenceError('bad-output', 'the LLM answered with empty text', { retriable: false });
    attempts.push({ attempt: 1, endpoint, url: endpoint, startedAt, durationMs: env.now() - startedAt });
    const port = node.spec.outputs.find((p) => p.modality === 'text')?.name ?? 'text';
    return { ok: true, raw: [{ port, modality: 'text', text }], endpoint, attempts };
  } catch (thrown) {
    const error =
      thrown instanceof LlmError
        ? new InferenceError(LLM_KINDS[thrown.kind] ?? 'http', `the LLM failed: ${thrown.message}`, { status: thrown.status })
        : asInferenceError(thrown);
    attempts.push({ attempt: 1, endpoint, url: endpoint, startedAt, durationMs: env.now() - startedAt, error: toTaskError(error) });
    return { ok: false, error, endpoint, attempts };
  } finally {
    release();
  }
}
