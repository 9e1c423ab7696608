// "Test connection" for the LLM settings: two tiny calls (one asking for structured output, one streamed)
// that also teach the process what this server accepts, and a report of what was found.
import type { ConnectionCheck } from '../../src-shared/contract';
import type { Settings } from '../../src-shared/settings';
import type { ChatRequest } from '../engine/chat-model';
import type { LlmCapabilities } from './llm-capabilities';
import { createOpenAiChatModel, type OpenAiChatOptions } from './openai-chat';

const PROBE_SCHEMA: NonNullable<ChatRequest['jsonSchema']> = {
  name: 'connection_check',
  schema: { type: 'object', properties: { ok: { type: 'boolean' } }, required: ['ok'], additionalProperties: false },
};

/** What a user should know about the server, one short clause each. */
export function describeCapabilities(caps: LlmCapabilities): string[] {
  return [
    caps.structuredOutput ? 'structured output: yes' : 'structured output: no (plain JSON, read leniently)',
    `answer limit: ${caps.tokenLimit}${caps.reasoning ? ' (reasoning model)' : ''}`,
    caps.temperature ? 'temperature: settable' : "temperature: the model's default",
    caps.streamUsage === false ? 'streamed token counts: estimated (the server reports none)' : 'streamed token counts: reported',
    ...caps.notes,
  ];
}

/** Makes two short calls to the configured LLM and reports what it accepts, or the reason it failed. */
export async function testLlmConnection(llm: Settings['llm'], options: OpenAiChatOptions = {}): Promise<ConnectionCheck> {
  const started = Date.now();
  const probe = { ...llm, retries: Math.min(llm.retries, 1), timeoutMs: Math.min(llm.timeoutMs, 20_000), deadlineMs: Math.min(llm.deadlineMs, 60_000) };
  try {
    const chat = createOpenAiChatModel(probe, options);
    const messages = (content: string): ChatRequest['messages'] => [{ role: 'user', content }];
    await chat.complete({ messages: messages('Reply with the JSON object {"ok": true}.'), jsonSchema: PROBE_SCHEMA, maxTokens: 20, temperature: 0 });
    const result = await chat.complete({ messages: messages('Reply with the single word OK.'), maxTokens: 5, temperature: 0, onDelta: () => {} });
    const found = describeCapabilities(chat.capabilities());
    return { ok: true, message: `${llm.model} at ${llm.baseURL} answered "${result.text.trim().slice(0, 40)}"; ${found.join('; ')}`, latencyMs: Date.now() - started };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error), latencyMs: Date.now() - started };
  }
}
