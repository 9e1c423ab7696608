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

/** What is wrong with an Azure OpenAI base URL, if anything: the app speaks the v1 API (`…/openai/v1`). */
export function azureUrlProblem(baseURL: string): string | undefined {
  if (!URL.canParse(baseURL)) return undefined;
  const url = new URL(baseURL);
  if (!/\.(openai\.azure\.com|cognitiveservices\.azure\.com|services\.ai\.azure\.com)$/.test(url.hostname)) return undefined;
  if (/\/openai\/v1\/?$/.test(url.pathname)) return undefined;
  return `Azure OpenAI needs its v1 base URL, ${url.origin}/openai/v1, with the deployment name as the model`;
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
    const azure = azureUrlProblem(llm.baseURL);
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, message: azure ? `${message}. ${azure}` : message, latencyMs: Date.now() - started };
  }
}
