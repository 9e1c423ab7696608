// The chat model against fakes that refuse requests the way TGI, OpenAI's reasoning models and LM Studio
// do: each refusal is learned once per connection, unrelated errors change nothing, and no call hangs.
import { describe, expect, it } from 'vitest';
import type { Settings } from '../../src-shared/settings';
import { LlmError, type ChatRequest } from '../../src-main/engine/chat-model';
import { LlmCapabilityMemory, refusedParameter } from '../../src-main/platform/llm-capabilities';
import { createOpenAiChatModel, REASONING_TOKEN_ROOM } from '../../src-main/platform/openai-chat';
import { fakeLlmSettings, useFakeLlm } from '../support/fake-llm-per-file';
import { contextOverflowRefusal, openAiReasoningRefusal, tgiRefusal } from '../support/llm-server-quirks';

const fake = useFakeLlm('{"a": "ok"}');
const llm = (patch: Partial<Settings['llm']> = {}): Settings['llm'] => fakeLlmSettings(fake, { retries: 1, ...patch });
const SCHEMA: ChatRequest['jsonSchema'] = { name: 'answer', schema: { type: 'object', properties: { a: { type: 'string' } } } };
const planLike: ChatRequest = { messages: [{ role: 'user', content: 'plan this' }], jsonSchema: SCHEMA, maxTokens: 100, temperature: 0 };

describe('a TGI-style server (422 plain text to json_schema)', () => {
  it('falls back to plain JSON after one refused call and never sends json_schema again on that connection', async () => {
    fake.refuse(tgiRefusal);
    const memory = new LlmCapabilityMemory();
    const first = await createOpenAiChatModel(llm({ model: 'tgi' }), { memory }).complete(planLike);
    expect(first.text).toBe('{"a": "ok"}');
    await createOpenAiChatModel(llm({ model: 'tgi' }), { memory }).complete(planLike); // a new model object, same connection
    expect(fake.requests.map((r) => r.response_format?.type ?? null)).toEqual(['json_schema', null, null]);
    expect(fake.refused).toBeGreaterThan(0);
    expect(memory.get(llm({ model: 'tgi' })).notes.join(' ')).toMatch(/refused structured output \(HTTP 422\)/);
  });

  it('does not switch structured output off for an unrelated 400 or 422', async () => {
    fake.refuse(() => contextOverflowRefusal());
    const memory = new LlmCapabilityMemory();
    const error = await createOpenAiChatModel(llm(), { memory }).complete(planLike).catch((e) => e);
    expect(error).toBeInstanceOf(LlmError);
    expect(error.message).toMatch(/maximum context length/);
    expect(fake.requests).toHaveLength(1);
    expect(memory.get(llm()).structuredOutput).toBe(true);
    fake.refuse(() => ({ status: 422, contentType: 'text/plain', body: 'Input validation error: `inputs` must have less than 4096 tokens' }));
    await createOpenAiChatModel(llm(), { memory }).complete(planLike).catch(() => undefined);
    expect(memory.get(llm()).structuredOutput).toBe(true);
  });
});

describe('an OpenAI reasoning model (refuses max_tokens and temperature 0)', () => {
  for (const order of ['max_tokens-first', 'temperature-first'] as const) {
    it(`succeeds after one refused call whichever it names first (${order}), then sends no refused parameter`, async () => {
      fake.refuse(openAiReasoningRefusal(order));
      const refusedBefore = fake.refused;
      const memory = new LlmCapabilityMemory();
      const settings = llm({ model: 'my-azure-deployment' }); // a deployment name says nothing about the model
      const chat = createOpenAiChatModel(settings, { memory });
      await chat.complete(planLike);
      await chat.complete({ ...planLike, onDelta: () => {} });
      await createOpenAiChatModel(settings, { memory }).complete(planLike);
      expect(fake.refused - refusedBefore).toBe(1);
      expect(fake.requests).toHaveLength(4);
      for (const body of fake.requests.slice(1)) {
        expect(body.max_tokens).toBeUndefined();
        expect(body.temperature).toBeUndefined();
        expect(body.max_completion_tokens).toBe(100 + REASONING_TOKEN_ROOM);
      }
    });
  }

  it('sends max_completion_tokens and no temperature from the start for a model named like one', async () => {
    fake.refuse(openAiReasoningRefusal());
    await createOpenAiChatModel(llm({ model: 'gpt-5-mini' }), { memory: new LlmCapabilityMemory() }).complete(planLike);
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]).toMatchObject({ max_completion_tokens: 100 + REASONING_TOKEN_ROOM });
    expect(fake.requests[0].temperature).toBeUndefined();
  });
});

describe('an LM Studio-style server (no usage when streaming)', () => {
  it('estimates streamed token counts, marks them as estimates and remembers that the server sends none', async () => {
    fake.script({ text: 'four words right here', omitUsage: true }, { text: 'counted', promptTokens: 7, completionTokens: 2 });
    const memory = new LlmCapabilityMemory();
    const chat = createOpenAiChatModel(llm(), { memory });
    const streamed = await chat.complete({ ...planLike, onDelta: () => {} });
    expect(streamed.usageEstimated).toBe(true);
    expect(streamed.completionTokens).toBeGreaterThan(0);
    expect(chat.capabilities().streamUsage).toBe(false);
    const whole = await chat.complete(planLike);
    expect(whole).toMatchObject({ promptTokens: 7, completionTokens: 2 });
    expect(whole.usageEstimated).toBeUndefined();
  });
});

describe('deadlines', () => {
  it('ends a call whose body stalls after the headers within the idle deadline (not forever)', async () => {
    fake.script({ text: 'never finished', stallBodyMs: 30_000 });
    const error = await createOpenAiChatModel(llm({ timeoutMs: 300 }), { memory: new LlmCapabilityMemory() }).complete(planLike).catch((e) => e);
    expect(error).toBeInstanceOf(LlmError);
    expect(error).toMatchObject({ kind: 'timeout' });
    expect(error.message).toMatch(/stopped sending its answer for 300 ms/);
  });

  it('ends a steadily trickling stream at the total deadline', async () => {
    fake.script({ text: 'x'.repeat(200), chunkSize: 1, chunkDelayMs: 50 });
    const error = await createOpenAiChatModel(llm({ timeoutMs: 2_000, deadlineMs: 400 }), { memory: new LlmCapabilityMemory() })
      .complete({ ...planLike, onDelta: () => {} })
      .catch((e) => e);
    expect(error).toMatchObject({ kind: 'timeout' });
    expect(error.message).toMatch(/did not finish its answer within 400 ms/);
  });

  it('reports a caller abort as cancelled, not as a timeout', async () => {
    fake.script({ text: 'slow', stallBodyMs: 30_000 });
    const controller = new AbortController();
    const pending = createOpenAiChatModel(llm(), { memory: new LlmCapabilityMemory() }).complete({ ...planLike, signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    expect(await pending.catch((e) => e)).toMatchObject({ kind: 'cancelled' });
  });
});

describe('refusedParameter', () => {
  it('names the refused parameter only for 400/422 answers that clearly refuse one', () => {
    expect(refusedParameter({ status: 422, message: '422 Failed to deserialize the JSON body into the target type: response_format: unknown variant `json_schema`' })).toBe('response_format');
    expect(refusedParameter({ status: 400, body: { error: { message: 'Grammar error: unsupported schema keyword', param: null } }, message: '400 Grammar error' })).toBe('response_format');
    expect(refusedParameter({ status: 400, body: { error: { message: "Unrecognized request argument supplied: stream_options" } }, message: '400' })).toBe('stream_options');
    expect(refusedParameter({ status: 400, body: { error: { message: 'max_tokens is too large: 90000. This model supports at most 16384 completion tokens', param: 'max_tokens', code: 'invalid_value' } }, message: '400' })).toBeUndefined();
    expect(refusedParameter({ status: 500, message: '500 response_format exploded' })).toBeUndefined();
    expect(refusedParameter({ status: 401, message: '401 invalid key' })).toBeUndefined();
  });
});
