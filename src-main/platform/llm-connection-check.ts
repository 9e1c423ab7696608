// "Test connection" for the LLM settings: one tiny chat call, with the exact reason when it fails.
import type { ConnectionCheck } from '../../src-shared/contract';
import type { Settings } from '../../src-shared/settings';
import { createOpenAiChatModel } from './openai-chat';

/** Makes one short call to the configured LLM and reports the result or the reason it failed. */
export async function testLlmConnection(llm: Settings['llm']): Promise<ConnectionCheck> {
  const started = Date.now();
  try {
    const chat = createOpenAiChatModel({ ...llm, retries: 0, timeoutMs: Math.min(llm.timeoutMs, 20_000) });
    const result = await chat.complete({ messages: [{ role: 'user', content: 'Reply with the single word OK.' }], maxTokens: 5, temperature: 0 });
    return { ok: true, message: `${llm.model} at ${llm.baseURL} answered "${result.text.trim().slice(0, 40)}"`, latencyMs: Date.now() - started };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error), latencyMs: Date.now() - started };
  }
}
