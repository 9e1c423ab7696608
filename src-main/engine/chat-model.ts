// The engine's view of the controlling LLM: any OpenAI-compatible chat API, behind this interface.
import type { Usage } from '../../src-shared/plan';

/** One chat message. */
export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** One chat completion request. */
export interface ChatRequest {
  messages: ChatMessage[];
  /** Ask for JSON matching this schema where the server supports structured output. */
  jsonSchema?: { name: string; schema: Record<string, unknown> };
  maxTokens?: number;
  temperature?: number;
  signal?: AbortSignal;
  /** Streams the text as it arrives (called with each new piece). */
  onDelta?: (delta: string) => void;
}

/** The answer to one chat request. */
export interface ChatResult {
  text: string;
  /** `length` means the answer was cut off by the token limit. */
  finishReason: string | null;
  promptTokens: number;
  completionTokens: number;
  /** The server reported no usage: the token counts are offline estimates. */
  usageEstimated?: boolean;
}

/** An LLM the engine can call. */
export interface ChatModel {
  complete(request: ChatRequest): Promise<ChatResult>;
}

/** One call's usage in the shape every stage reports (an estimate is marked as one). */
export const usageOfResult = (r: ChatResult): Usage => ({
  llmCalls: 1,
  promptTokens: r.promptTokens,
  completionTokens: r.completionTokens,
  ...(r.usageEstimated ? { estimated: true } : {}),
});

/** Why an LLM call failed, in words a user can act on. */
export type LlmErrorKind = 'auth' | 'network' | 'timeout' | 'rate-limited' | 'http' | 'cancelled' | 'bad-request';

/** A failed LLM call. */
export class LlmError extends Error {
  constructor(
    readonly kind: LlmErrorKind,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'LlmError';
  }
}
