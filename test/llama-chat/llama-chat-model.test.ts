import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { LlmError } from '../../src-main/engine/chat-model';
import { SELECTION_SCHEMA } from '../../src-main/engine/selector/selection-prompt';
import { createGgufStore, type GgufStore } from '../../src-main/platform/llama-chat/gguf-store';
import { createLlamaChatModel } from '../../src-main/platform/llama-chat/llama-chat-model';
import { createLlamaWorkerClient, type LlamaWorkerClient } from '../../src-main/platform/llama-chat/llama-worker-client';
import { startFakeHubFiles, type FakeHubFiles } from '../support/fake-hub-files';
import { tinyGguf } from '../support/tiny-gguf';

const RANDOM = 'test-org/tiny-GGUF/random-F32.gguf';
const TERSE = 'test-org/tiny-GGUF/terse-F32.gguf';
const BROKEN = 'test-org/tiny-GGUF/broken.gguf';

describe('the built-in LLM as a ChatModel (worker thread, tiny GGUF)', () => {
  let hub: FakeHubFiles;
  let store: GgufStore;
  let worker: LlamaWorkerClient;
  beforeAll(async () => {
    hub = await startFakeHubFiles({ [RANDOM]: tinyGguf({ seed: 7 }), [TERSE]: tinyGguf({ prefer: ']}[{":' }), [BROKEN]: Buffer.alloc(1000, 1) });
    const url = hub.url;
    store = createGgufStore(mkdtempSync(join(tmpdir(), 'hgs-llama-')), () => ({ hubUrl: url }));
    worker = createLlamaWorkerClient({ idleUnloadMs: 60_000 });
  });
  afterAll(async () => {
    await worker.close();
    await hub.close();
  });
  const chatFor = (model: string) => createLlamaChatModel({ model, threads: 1, store, worker });

  it('answers with JSON that follows the schema the OpenAI path sends (selection), by grammar', async () => {
    const result = await chatFor(RANDOM).complete({
      messages: [{ role: 'user', content: 'Pick a model for task 0.' }],
      jsonSchema: SELECTION_SCHEMA,
      maxTokens: 120,
      temperature: 0,
    });
    // A random model may run out of tokens inside a string; what it wrote is still a prefix of schema-valid JSON.
    expect(result.text, result.text).toMatch(/^\s*\{\s*"choices"\s*:\s*\[/);
    if (result.finishReason === 'stop') expect(Array.isArray(JSON.parse(result.text).choices)).toBe(true);
    expect(result.completionTokens).toBeGreaterThan(0);
  }, 120_000);

  it('streams the text of a plain answer through onDelta', async () => {
    const deltas: string[] = [];
    const result = await chatFor(TERSE).complete({ messages: [{ role: 'user', content: 'Say something.' }], maxTokens: 6, onDelta: (d) => deltas.push(d) });
    expect(deltas.length).toBeGreaterThan(0);
    expect(deltas.join('')).toBe(result.text);
    expect(result).toMatchObject({ finishReason: 'length', text: ']]]]]]' });
  }, 120_000);

  it('stops generating when the call is cancelled', async () => {
    const controller = new AbortController();
    const deltas: string[] = [];
    const pending = chatFor(RANDOM).complete({
      messages: [{ role: 'user', content: 'Write a long story.' }],
      maxTokens: 3000,
      signal: controller.signal,
      onDelta: (d) => {
        deltas.push(d);
        if (deltas.length === 3) controller.abort();
      },
    });
    const error = await pending.catch((e) => e);
    expect(error).toBeInstanceOf(LlmError);
    expect(error.kind).toBe('cancelled');
    expect(deltas.length).toBeLessThan(1000);
  }, 120_000);

  it('stops a generation that runs past llm.deadlineMs, as a timeout', async () => {
    const chat = createLlamaChatModel({ model: RANDOM, threads: 1, deadlineMs: 1500, store, worker });
    const error = await chat.complete({ messages: [{ role: 'user', content: 'Write a long story.' }], maxTokens: 3000 }).catch((e) => e);
    expect(error).toBeInstanceOf(LlmError);
    expect(error.kind).toBe('timeout');
    expect(error.message).toContain('llm.deadlineMs');
  }, 120_000);

  it('says how to recover when the downloaded file is not a model it can load', async () => {
    const error = await chatFor(BROKEN).complete({ messages: [{ role: 'user', content: 'hi' }], maxTokens: 2 }).catch((e) => e);
    expect(error).toBeInstanceOf(LlmError);
    expect(error.kind).toBe('bad-request');
    expect(error.message).toContain(`hugginggpt llm delete ${BROKEN}`);
  }, 120_000);

  it('ends the worker, freeing the model, after the idle time', async () => {
    const shortLived = createLlamaWorkerClient({ idleUnloadMs: 100 });
    const chat = createLlamaChatModel({ model: TERSE, threads: 1, store, worker: shortLived });
    await chat.complete({ messages: [{ role: 'user', content: 'hi' }], maxTokens: 2 });
    await vi.waitFor(() => expect(shortLived.loaded).toBe(false), { timeout: 10_000, interval: 50 });
  }, 120_000);
});
