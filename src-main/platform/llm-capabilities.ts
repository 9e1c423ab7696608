// What one OpenAI-compatible server and model accept, guessed from the address and model name, then
// learned from the server's own refusals and remembered for the process (one refused call, not one per call).
import type { Settings } from '../../src-shared/settings';

/** The parameters of a chat request a server may refuse. */
export type RefusedParameter = 'response_format' | 'max_tokens' | 'max_completion_tokens' | 'temperature' | 'stream_options';

/** What a server + model accepts; every field starts as a guess and changes only on a refusal. */
export interface LlmCapabilities {
  /** Send `response_format: {type: "json_schema"}` when a request asks for JSON. */
  structuredOutput: boolean;
  /** The name of the answer-length limit (OpenAI's reasoning models refuse `max_tokens`). */
  tokenLimit: 'max_tokens' | 'max_completion_tokens';
  /** Send `temperature` (reasoning models take only the default). */
  temperature: boolean;
  /** The model spends hidden reasoning tokens out of the answer-length limit. */
  reasoning: boolean;
  /** Send `stream_options.include_usage` when streaming. */
  streamOptions: boolean;
  /**
   * Hugging Face router only: the model id to send when structured output is wanted (a provider that
   * supports it); undefined until the router's model list was read.
   */
  structuredModel?: string;
  /** Whether streamed answers carried token usage; undefined until one was seen. */
  streamUsage?: boolean;
  /** What was learned or assumed, in words, for "Test connection" and logs. */
  notes: string[];
}

const REASONING_MODEL = /^(?:[\w.-]+\/)?(?:o\d|gpt-5)(?:[\w.:-]*)$/i;

/** OpenAI's own API and Azure OpenAI: every model there takes `max_completion_tokens` (`max_tokens` is deprecated). */
function isOpenAiHost(baseURL: string): boolean {
  const host = URL.canParse(baseURL) ? new URL(baseURL).hostname : '';
  return host === 'api.openai.com' || /\.(openai\.azure\.com|cognitiveservices\.azure\.com|services\.ai\.azure\.com)$/.test(host);
}

/** The first guess for a server and model, before it has refused anything. */
export function initialCapabilities(llm: Pick<Settings['llm'], 'baseURL' | 'model' | 'structuredOutput'>): LlmCapabilities {
  const reasoning = REASONING_MODEL.test(llm.model.trim());
  const notes: string[] = [];
  if (reasoning) notes.push(`"${llm.model}" is named like an OpenAI reasoning model: max_completion_tokens, default temperature`);
  if (!llm.structuredOutput) notes.push('structured output is off in the settings');
  return {
    structuredOutput: llm.structuredOutput,
    tokenLimit: reasoning || isOpenAiHost(llm.baseURL) ? 'max_completion_tokens' : 'max_tokens',
    temperature: !reasoning,
    reasoning,
    streamOptions: true,
    notes,
  };
}

/** Capabilities per server and model, kept for the life of the process. */
export class LlmCapabilityMemory {
  private readonly known = new Map<string, LlmCapabilities>();

  /** The remembered capabilities of this server and model (created from the first guess). */
  get(llm: Pick<Settings['llm'], 'baseURL' | 'model' | 'structuredOutput'>): LlmCapabilities {
    const key = `${llm.baseURL.replace(/\/+$/, '')}\n${llm.model}\n${llm.structuredOutput}`;
    let capabilities = this.known.get(key);
    if (!capabilities) this.known.set(key, (capabilities = initialCapabilities(llm)));
    return capabilities;
  }
}

/** The memory every chat model of this process shares unless given its own. */
export const processCapabilities = new LlmCapabilityMemory();

/** An HTTP error as the openai SDK gives it: status, parsed body (or text), message. */
export interface HttpRefusal {
  status?: number;
  body?: unknown;
  message: string;
}

const fieldOf = (body: unknown, key: string): string => {
  const inner = (body as { error?: unknown } | undefined)?.error ?? body;
  const value = typeof inner === 'object' && inner !== null ? (inner as Record<string, unknown>)[key] : undefined;
  return typeof value === 'string' ? value : '';
};

/**
 * Which parameter a 400/422 answer refuses, if it clearly refuses one; undefined for any other error
 * (an unrelated 400 never switches a capability off).
 * @example refusedParameter({ status: 422, message: 'Failed to deserialize the JSON body into the target type: response_format: unknown variant `json_schema`' }) // 'response_format'
 */
export function refusedParameter(error: HttpRefusal): RefusedParameter | undefined {
  if (error.status !== 400 && error.status !== 422) return undefined;
  const param = fieldOf(error.body, 'param');
  const text = `${error.message} ${typeof error.body === 'string' ? error.body : JSON.stringify(error.body ?? '')}`;
  const refuses = /unsupported|not supported|does not support|unknown (?:field|param|argument|variant)|unrecognized|unexpected (?:field|keyword|argument)|not allowed|not permitted|only the default|extra_forbidden/i.test(text);
  if (param === 'response_format' || /response_format|json_schema|grammar|structured output|guided_json|guided decoding/i.test(text)) return 'response_format';
  if (param === 'max_tokens' || /'max_tokens'|"max_tokens"|`max_tokens`|\bmax_tokens\b.*max_completion_tokens/i.test(text)) return refuses ? 'max_tokens' : undefined;
  if (param === 'max_completion_tokens' || /max_completion_tokens/i.test(text)) return refuses ? 'max_completion_tokens' : undefined;
  if (param === 'temperature' || /temperature/i.test(text)) return refuses ? 'temperature' : undefined;
  if (param === 'stream_options' || /stream_options|include_usage/i.test(text)) return refuses ? 'stream_options' : undefined;
  return undefined;
}

/**
 * Updates `capabilities` after a refusal; returns whether a retry would send something different.
 * OpenAI's reasoning models refuse both `max_tokens` and a non-default temperature but name one per
 * answer, so either refusal in OpenAI's words switches both: one refused call instead of two.
 */
export function learnFromRefusal(capabilities: LlmCapabilities, refused: RefusedParameter, error: HttpRefusal): boolean {
  const code = fieldOf(error.body, 'code');
  const openAiReasoning = (refused === 'max_tokens' && (code === 'unsupported_parameter' || /max_completion_tokens/.test(error.message))) ||
    (refused === 'temperature' && (code === 'unsupported_value' || code === 'unsupported_parameter'));
  const before = JSON.stringify(capabilities);
  const note = (text: string) => capabilities.notes.push(text);
  if (refused === 'response_format' && capabilities.structuredOutput) {
    capabilities.structuredOutput = false;
    note(`the server refused structured output (HTTP ${error.status}); asking for plain JSON instead`);
  }
  if (refused === 'max_completion_tokens' && capabilities.tokenLimit === 'max_completion_tokens' && !capabilities.reasoning) {
    capabilities.tokenLimit = 'max_tokens';
    note('the server refused max_completion_tokens; using max_tokens');
  }
  if (refused === 'max_tokens' && capabilities.tokenLimit === 'max_tokens') {
    capabilities.tokenLimit = 'max_completion_tokens';
    note('the server refused max_tokens; using max_completion_tokens');
  }
  if (refused === 'temperature' && capabilities.temperature) {
    capabilities.temperature = false;
    note('the model refused the temperature; using its default');
  }
  if (refused === 'stream_options' && capabilities.streamOptions) {
    capabilities.streamOptions = false;
    note('the server refused stream_options; streamed token counts are estimated');
  }
  if (openAiReasoning && !capabilities.reasoning) {
    Object.assign(capabilities, { reasoning: true, temperature: false, tokenLimit: 'max_completion_tokens' });
    note('an OpenAI reasoning model: max_completion_tokens (with room for reasoning) and the default temperature');
  }
  return JSON.stringify(capabilities) !== before;
}
