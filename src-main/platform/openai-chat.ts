// The controlling LLM through the openai SDK: any OpenAI-compatible server (OpenAI, Azure, the Hugging
// Face router, Ollama, LM Studio, vLLM, llama.cpp), with explicit timeouts, retries and cancellation.
import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import type { ChatCompletionCreateParamsBase } from 'openai/resources/chat/completions';
import type { Settings } from '../../src-shared/settings';
import { LlmError, type ChatModel, type ChatRequest, type ChatResult } from '../engine/chat-model';
import { countChatTokens, countTokens } from '../engine/planner/token-count';

/** The API key sent to servers that need none (the SDK insists on one). */
export const PLACEHOLDER_API_KEY = 'no-key-needed';

export { DEFAULT_LLM_BASE_URL, llmUnconfigured } from '../../src-shared/llm-readiness';


/** The innermost reason of a connection failure: a system error code, else its message. */
function connectionReason(error: unknown): string | undefined {
  let reason: string | undefined;
  for (let e: any = (error as any)?.cause, depth = 0; e && depth < 5; e = e.cause, depth++) {
    if (typeof e.code === 'string') return e.code === 'ECONNREFUSED' ? 'connection refused' : e.code;
    if (typeof e.message === 'string' && e.message) reason = e.message;
  }
  return reason;
}

/** Maps any failure of a call to an LlmError a user can act on. */
function toLlmError(error: unknown, llm: Settings['llm'], state: { stalled: boolean; cancelled: () => boolean }): LlmError {
  if (error instanceof LlmError) return error;
  const where = `the LLM at ${llm.baseURL}`;
  if (state.stalled) return new LlmError('timeout', `${where} stopped sending its answer for ${llm.timeoutMs} ms`);
  if (error instanceof APIUserAbortError || (error instanceof Error && error.name === 'AbortError')) {
    return state.cancelled() ? new LlmError('cancelled', 'the LLM call was cancelled') : new LlmError('timeout', `${where} did not answer in time`);
  }
  if (error instanceof APIConnectionTimeoutError) return new LlmError('timeout', `${where} did not answer within ${llm.timeoutMs} ms`);
  if (error instanceof APIConnectionError) {
    const reason = connectionReason(error);
    return new LlmError('network', `cannot reach ${where}${reason ? `: ${reason}` : ''}`);
  }
  if (error instanceof APIError && error.status !== undefined) {
    const detail = (error.error as any)?.message ?? error.message;
    const status = error.status;
    if (status === 401 || status === 403) return new LlmError('auth', `${where} refused the API key (HTTP ${status}): ${detail}`, status);
    if (status === 429) return new LlmError('rate-limited', `${where} is rate-limiting requests (HTTP 429): ${detail}`, status);
    if (status === 400 || status === 404 || status === 422) return new LlmError('bad-request', `${where} rejected the request (HTTP ${status}): ${detail}`, status);
    return new LlmError('http', `${where} failed (HTTP ${status}): ${detail}`, status);
  }
  return new LlmError('http', `${where} failed: ${error instanceof Error ? error.message : String(error)}`);
}

/** Reads a streamed answer, aborting when no chunk arrives for `idleMs` (the SDK's timeout ends at the headers). */
async function readStream(
  client: OpenAI,
  params: ChatCompletionCreateParamsBase,
  controller: AbortController,
  idleMs: number,
  onDelta: (delta: string) => void,
  state: { stalled: boolean },
): Promise<{ text: string; finishReason: string | null; usage?: OpenAI.CompletionUsage }> {
  let timer: NodeJS.Timeout | undefined;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => ((state.stalled = true), controller.abort()), idleMs);
  };
  try {
    const stream = await client.chat.completions.create({ ...params, stream: true, stream_options: { include_usage: true } }, { signal: controller.signal });
    arm();
    let text = '';
    let finishReason: string | null = null;
    let usage: OpenAI.CompletionUsage | undefined;
    for await (const chunk of stream) {
      arm();
      const choice = chunk.choices[0];
      const delta = choice?.delta?.content ?? '';
      if (delta) {
        text += delta;
        onDelta(delta);
      }
      if (choice?.finish_reason) finishReason = choice.finish_reason;
      if (chunk.usage) usage = chunk.usage;
    }
    controller.signal.throwIfAborted(); // the SDK ends an aborted stream quietly
    return { text, finishReason, usage };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * A ChatModel for an OpenAI-compatible server. Uses JSON-schema structured output when asked and
 * allowed; a server that answers 400 to it is asked again without, and never again with it.
 */
export function createOpenAiChatModel(llm: Settings['llm']): ChatModel {
  const client = new OpenAI({ baseURL: llm.baseURL, apiKey: llm.apiKey || PLACEHOLDER_API_KEY, timeout: llm.timeoutMs, maxRetries: llm.retries });
  let structuredOutput = llm.structuredOutput;

  async function call(request: ChatRequest, withFormat: boolean): Promise<ChatResult> {
    const params: ChatCompletionCreateParamsBase = {
      model: llm.model,
      messages: request.messages,
      ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
      ...(request.maxTokens !== undefined ? { max_tokens: request.maxTokens } : {}),
      ...(withFormat && request.jsonSchema ? { response_format: { type: 'json_schema', json_schema: { ...request.jsonSchema, strict: true } } } : {}),
    };
    const controller = new AbortController();
    const state = { stalled: false, cancelled: () => Boolean(request.signal?.aborted) };
    const abort = () => controller.abort();
    if (request.signal?.aborted) throw new LlmError('cancelled', 'the LLM call was cancelled');
    request.signal?.addEventListener('abort', abort, { once: true });
    try {
      let answer: { text: string; finishReason: string | null; usage?: OpenAI.CompletionUsage };
      if (request.onDelta) answer = await readStream(client, params, controller, llm.timeoutMs, request.onDelta, state);
      else {
        const completion = await client.chat.completions.create({ ...params, stream: false }, { signal: controller.signal });
        const choice = completion.choices[0];
        answer = { text: choice?.message?.content ?? '', finishReason: choice?.finish_reason ?? null, usage: completion.usage };
      }
      return {
        text: answer.text,
        finishReason: answer.finishReason,
        promptTokens: answer.usage?.prompt_tokens ?? (await countChatTokens(request.messages)),
        completionTokens: answer.usage?.completion_tokens ?? (await countTokens(answer.text)),
      };
    } catch (error) {
      throw toLlmError(error, llm, state);
    } finally {
      request.signal?.removeEventListener('abort', abort);
    }
  }

  return {
    async complete(request) {
      const withFormat = structuredOutput && request.jsonSchema !== undefined;
      try {
        return await call(request, withFormat);
      } catch (error) {
        if (!(withFormat && error instanceof LlmError && error.status === 400)) throw error;
        structuredOutput = false; // this server does not take response_format: plain text from now on
        return call(request, false);
      }
    },
  };
}
