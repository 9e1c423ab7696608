// The OpenAI-compatible client against the fake server: wire format, streaming, structured output
// fallback, usage, and every failure mapped to an LlmError kind.
import { createServer, type AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { defaultSettings, type Settings } from '../../src-shared/settings';
import { LlmError, type ChatRequest } from '../../src-main/engine/chat-model';
import { createOpenAiChatModel, llmUnconfigured } from '../../src-main/platform/openai-chat';
import { fakeLlmSettings, useFakeLlm } from '../support/fake-llm-per-file';

const fake = useFakeLlm('OK');
const llm = (patch: Partial<Settings['llm']> = {}): Settings['llm'] => fakeLlmSettings(fake, patch);
const SCHEMA: ChatRequest['jsonSchema'] = { name: 'answer', schema: { type: 'object', properties: { a: { type: 'string' } } } };
const ask = { messages: [{ role: 'user' as const, content: 'hello' }] };

/** A loopback URL on which nothing listens (a port just released). */
async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}/v1`;
}

async function failure(promise: Promise<unknown>): Promise<LlmError> {
  const error = await promise.then(() => undefined, (e) => e);
  expect(error).toBeInstanceOf(LlmError);
  return error as LlmError;
}

describe('createOpenAiChatModel', () => {
  it('sends the model, messages, limits and a json_schema response_format; reads text and usage', async () => {
    fake.script({ text: '{"a": "b"}', promptTokens: 11, completionTokens: 3 });
    const result = await createOpenAiChatModel(llm({ model: 'm1' })).complete({ ...ask, jsonSchema: SCHEMA, maxTokens: 50, temperature: 0 });
    expect(result).toEqual({ text: '{"a": "b"}', finishReason: 'stop', promptTokens: 11, completionTokens: 3 });
    const body = fake.requests[0];
    expect(body).toMatchObject({ model: 'm1', messages: ask.messages, max_tokens: 50, temperature: 0 });
    expect(body.response_format).toEqual({ type: 'json_schema', json_schema: { ...SCHEMA, strict: true } });
    expect(body.stream).toBeFalsy();
  });

  it('streams deltas with include_usage and reports the finish reason', async () => {
    fake.script({ text: 'a fairly long streamed answer', finishReason: 'length', promptTokens: 5, completionTokens: 9, chunkSize: 4 });
    const deltas: string[] = [];
    const result = await createOpenAiChatModel(llm()).complete({ ...ask, onDelta: (d) => deltas.push(d) });
    expect(deltas.length).toBeGreaterThan(3);
    expect(deltas.join('')).toBe('a fairly long streamed answer');
    expect(result).toMatchObject({ text: 'a fairly long streamed answer', finishReason: 'length', promptTokens: 5, completionTokens: 9 });
    expect(fake.requests[0]).toMatchObject({ stream: true, stream_options: { include_usage: true } });
  });

  it('estimates usage offline when the server reports none', async () => {
    fake.script({ text: 'hello there friend', omitUsage: true }, { text: 'hello there friend', omitUsage: true });
    const chat = createOpenAiChatModel(llm());
    for (const onDelta of [undefined, () => {}]) {
      const result = await chat.complete({ ...ask, onDelta });
      expect(result.promptTokens).toBeGreaterThan(0);
      expect(result.completionTokens).toBe(3);
    }
  });

  it('retries once without response_format when the server rejects it, and remembers', async () => {
    fake.script({ text: 'first', rejectResponseFormat: true }, { text: 'second', rejectResponseFormat: true });
    const chat = createOpenAiChatModel(llm());
    expect((await chat.complete({ ...ask, jsonSchema: SCHEMA })).text).toBe('first');
    expect((await chat.complete({ ...ask, jsonSchema: SCHEMA })).text).toBe('second');
    expect(fake.requests.map((r) => Boolean(r.response_format))).toEqual([true, false, false]);
  });

  it('never sends response_format when structured output is off', async () => {
    await createOpenAiChatModel(llm({ structuredOutput: false })).complete({ ...ask, jsonSchema: SCHEMA });
    expect(fake.requests[0].response_format).toBeUndefined();
  });

  it('sends a placeholder key to keyless local servers, and flags only keyless OpenAI as unconfigured', () => {
    expect(llmUnconfigured(defaultSettings().llm)).toBe(true);
    expect(llmUnconfigured({ ...defaultSettings().llm, apiKey: 'sk-x' })).toBe(false);
    expect(llmUnconfigured(llm())).toBe(false);
    // The built-in LLM needs neither key nor server.
    expect(llmUnconfigured({ ...defaultSettings().llm, provider: 'built-in' })).toBe(false);
  });

  it('retries server errors as configured', async () => {
    fake.script({ status: 500, headers: { 'retry-after-ms': '1' } }, 'recovered');
    expect((await createOpenAiChatModel(llm({ retries: 1 })).complete(ask)).text).toBe('recovered');
    expect(fake.requests).toHaveLength(2);
  });

  it.each([
    [401, 'auth'],
    [403, 'auth'],
    [429, 'rate-limited'],
    [404, 'bad-request'],
    [500, 'http'],
  ])('maps HTTP %i to %s', async (status, kind) => {
    fake.script({ status });
    const error = await failure(createOpenAiChatModel(llm()).complete(ask));
    expect(error.kind).toBe(kind);
    expect(error.status).toBe(status);
    expect(error.message).toContain(fake.baseURL);
  });

  it('maps a refused connection to network, naming the URL', async () => {
    const closed = await closedPortUrl();
    const error = await failure(createOpenAiChatModel(llm({ baseURL: closed })).complete(ask));
    expect(error.kind).toBe('network');
    expect(error.message).toContain(closed);
    expect(error.message).toContain('connection refused');
  });

  it('maps a server that does not answer in time to timeout', async () => {
    fake.script({ text: 'late', delayMs: 3_000 });
    const error = await failure(createOpenAiChatModel(llm({ timeoutMs: 150 })).complete(ask));
    expect(error.kind).toBe('timeout');
  });

  it('maps a stream that stalls to timeout', async () => {
    fake.script({ text: 'stalls after the first chunk', chunkSize: 5, chunkDelayMs: 3_000 });
    const error = await failure(createOpenAiChatModel(llm({ timeoutMs: 300 })).complete({ ...ask, onDelta: () => {} }));
    expect(error.kind).toBe('timeout');
  });

  it('maps an aborted signal to cancelled, before and during the call', async () => {
    const chat = createOpenAiChatModel(llm());
    expect((await failure(chat.complete({ ...ask, signal: AbortSignal.abort() }))).kind).toBe('cancelled');
    fake.script({ text: 'slow', delayMs: 3_000 });
    const controller = new AbortController();
    const pending = chat.complete({ ...ask, signal: controller.signal });
    while (fake.requests.length === 0) await new Promise((r) => setTimeout(r, 10));
    controller.abort();
    expect((await failure(pending)).kind).toBe('cancelled');
  });
});

describe('the fake LLM server', () => {
  it('lists a model at GET /v1/models', async () => {
    const res = await fetch(`${fake.baseURL}/models`);
    expect(await res.json()).toMatchObject({ object: 'list', data: [{ id: 'fake-model' }] });
  });
});
