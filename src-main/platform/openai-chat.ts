// The controlling LLM through the openai SDK: any OpenAI-compatible server (OpenAI, Azure, the Hugging
// Face router, Ollama, LM Studio, vLLM, llama.cpp, TGI), with what each accepts learned from its refusals,
// an idle and a total deadline on every call, bounded retries and cancellation.
import OpenAI, { APIError } from 'openai';
import type { ChatCompletion, ChatCompletionCreateParamsBase } from 'openai/resources/chat/completions';
import type { Settings } from '../../src-shared/settings';
import { LlmError, type ChatModel, type ChatRequest, type ChatResult } from '../engine/chat-model';
import { countChatTokens, countTokens } from '../engine/planner/token-count';
import { CallDeadline, readBodyText } from './llm-call-deadline';
import { learnFromRefusal, processCapabilities, refusedParameter, type LlmCapabilities, type LlmCapabilityMemory } from './llm-capabilities';
import { isHfRouter, routerProviders, structuredOutputModel } from './hf-router-providers';
import { toLlmError } from './openai-errors';

/** The API key sent to servers that need none (the SDK insists on one). */
export const PLACEHOLDER_API_KEY = 'no-key-needed';

export { DEFAULT_LLM_BASE_URL, llmUnconfigured } from '../../src-shared/llm-readiness';


/** Extra answer-length room for a reasoning model, whose hidden reasoning counts against the limit. */
export const REASONING_TOKEN_ROOM = 8192;

/** A chat model that can also say what it has learned about its server. */
export interface OpenAiChatModel extends ChatModel {
  /** What the server and model accept, as known so far (shared by every model of this connection). */
  capabilities(): LlmCapabilities;
}

/** Refusals one call may learn from before it gives up. */
const MAX_REFUSALS = 3;

type Answer = { text: string; finishReason: string | null; usage?: OpenAI.CompletionUsage | null };

/** Options of a chat model: the capability memory to share, and where the Hugging Face router lives. */
export interface OpenAiChatOptions {
  memory?: LlmCapabilityMemory;
  /** `huggingface.routerUrl`: an LLM base URL under it is the router (whose providers differ in structured output). */
  routerUrl?: string;
}

/** The request body for the server, as far as its capabilities allow. */
function requestParams(llm: Settings['llm'], request: ChatRequest, caps: LlmCapabilities): ChatCompletionCreateParamsBase {
  const limit = request.maxTokens === undefined ? undefined : request.maxTokens + (caps.reasoning ? REASONING_TOKEN_ROOM : 0);
  const structured = caps.structuredOutput && request.jsonSchema !== undefined;
  return {
    model: structured ? (caps.structuredModel ?? llm.model) : llm.model,
    messages: request.messages,
    ...(request.temperature !== undefined && caps.temperature ? { temperature: request.temperature } : {}),
    ...(limit !== undefined ? { [caps.tokenLimit]: limit } : {}),
    ...(structured && request.jsonSchema ? { response_format: { type: 'json_schema', json_schema: { ...request.jsonSchema, strict: true } } } : {}),
  };
}

/** Reads a streamed answer; every chunk restarts the idle clock. */
async function readStream(client: OpenAI, params: ChatCompletionCreateParamsBase, caps: LlmCapabilities, deadline: CallDeadline, onDelta: (d: string) => void): Promise<Answer> {
  const stream = await client.chat.completions.create(
    { ...params, stream: true, ...(caps.streamOptions ? { stream_options: { include_usage: true } } : {}) },
    { signal: deadline.signal },
  );
  deadline.touch();
  const answer: Answer = { text: '', finishReason: null };
  for await (const chunk of stream) {
    deadline.touch();
    const choice = chunk.choices[0];
    const delta = choice?.delta?.content ?? '';
    if (delta) {
      answer.text += delta;
      onDelta(delta);
    }
    if (choice?.finish_reason) answer.finishReason = choice.finish_reason;
    if (chunk.usage) answer.usage = chunk.usage;
  }
  deadline.signal.throwIfAborted(); // the SDK ends an aborted stream quietly
  caps.streamUsage = Boolean(answer.usage);
  return answer;
}

/** Reads a whole answer; its body is read here so that the idle deadline covers it. */
async function readWhole(client: OpenAI, params: ChatCompletionCreateParamsBase, deadline: CallDeadline): Promise<Answer> {
  const response = await client.chat.completions.create({ ...params, stream: false }, { signal: deadline.signal }).asResponse();
  const body = await readBodyText(response, deadline);
  let completion: ChatCompletion;
  try {
    completion = JSON.parse(body) as ChatCompletion;
  } catch {
    throw new LlmError('http', `the LLM answered something that is not JSON: ${JSON.stringify(body.slice(0, 120))}`);
  }
  const choice = completion?.choices?.[0];
  if (!choice) throw new LlmError('http', 'the LLM answer has no choices');
  return { text: choice.message?.content ?? '', finishReason: choice.finish_reason ?? null, usage: completion.usage };
}

/** Reads once which of the router's providers can do structured output, and remembers the answer. */
async function chooseRouterProvider(llm: Settings['llm'], caps: LlmCapabilities, signal: AbortSignal): Promise<void> {
  const providers = await routerProviders(llm, signal).catch(() => undefined);
  if (!providers) {
    caps.structuredModel = llm.model; // the router did not say: try as configured, a refusal will tell
    return;
  }
  const model = structuredOutputModel(llm.model, providers);
  if (model === undefined) {
    caps.structuredOutput = false;
    caps.notes.push(`no provider of ${llm.model} on the Hugging Face router supports structured output; asking for plain JSON`);
  } else if (model !== llm.model) caps.notes.push(`structured output through ${model} (the router's providers differ)`);
  caps.structuredModel = model ?? llm.model;
}

/**
 * A ChatModel for an OpenAI-compatible server. A parameter the server refuses (structured output,
 * `max_tokens`, temperature, `stream_options`) is dropped or renamed, the call is sent again, and the
 * lesson is kept in `memory` for every later call to that server and model.
 */
export function createOpenAiChatModel(llm: Settings['llm'], options: OpenAiChatOptions = {}): OpenAiChatModel {
  const client = new OpenAI({ baseURL: llm.baseURL, apiKey: llm.apiKey || PLACEHOLDER_API_KEY, timeout: llm.timeoutMs, maxRetries: llm.retries });
  const caps = (options.memory ?? processCapabilities).get(llm);
  const router = isHfRouter(llm.baseURL, options.routerUrl);

  async function attempt(request: ChatRequest, deadline: CallDeadline): Promise<ChatResult> {
    const params = requestParams(llm, request, caps);
    const answer = request.onDelta ? await readStream(client, params, caps, deadline, request.onDelta) : await readWhole(client, params, deadline);
    const estimated = !answer.usage;
    return {
      text: answer.text,
      finishReason: answer.finishReason,
      promptTokens: answer.usage?.prompt_tokens ?? (await countChatTokens(request.messages)),
      completionTokens: answer.usage?.completion_tokens ?? (await countTokens(answer.text)),
      ...(estimated ? { usageEstimated: true } : {}),
    };
  }

  return {
    capabilities: () => caps,
    async complete(request) {
      const deadline = new CallDeadline(llm.timeoutMs, llm.deadlineMs, request.signal);
      try {
        if (router && request.jsonSchema && caps.structuredOutput && caps.structuredModel === undefined) await chooseRouterProvider(llm, caps, deadline.signal);
        for (let refusals = 0; ; refusals++) {
          try {
            deadline.signal.throwIfAborted();
            return await attempt(request, deadline);
          } catch (error) {
            const refusal = error instanceof APIError ? { status: error.status, body: error.error, message: error.message } : undefined;
            const refused = refusal && refusedParameter(refusal);
            // Each retry sends something different; a server refusing every variant still ends here.
            if (!refusal || !refused || refusals >= MAX_REFUSALS || !learnFromRefusal(caps, refused, refusal)) throw error;
          }
        }
      } catch (error) {
        throw toLlmError(error, llm, deadline.reason);
      } finally {
        deadline.dispose();
      }
    },
  };
}
