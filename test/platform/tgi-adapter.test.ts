import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { EndpointCall } from '../../src-main/platform/endpoints/endpoint-adapter';
import { repoIdOf, tgiAdapter } from '../../src-main/platform/endpoints/tgi-adapter';

// A loopback TGI: POST /v1/chat/completions in the OpenAI format (router/src/server.rs chat_completions),
// GET /health (200, empty), GET /info {model_id, ...}; errors {"error", "error_type"} (422 validation).
let server: Server;
let url: string;
let modelId = 'HuggingFaceH4/zephyr-7b-beta';
const bodies: any[] = [];

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (req.method === 'GET' && req.url === '/health') return res.writeHead(200).end();
    if (req.method === 'GET' && req.url === '/info') {
      return res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ model_id: modelId, model_sha: null, model_pipeline_tag: 'text-generation', max_concurrent_requests: 128, version: '3.3.4' }));
    }
    if (req.method !== 'POST' || req.url !== '/v1/chat/completions') return res.writeHead(404).end();
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    bodies.push(body);
    const last = body.messages.at(-1).content as string;
    if (last.length > 40) {
      return res.writeHead(422, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'Input validation error: `inputs` tokens + `max_new_tokens` must be <= 32', error_type: 'validation' }));
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({
      object: 'chat.completion', id: '', created: 1, model: modelId, system_fingerprint: '3.3.4-native',
      choices: [{ index: 0, message: { role: 'assistant', content: ` echo: ${last} ` }, logprobs: null, finish_reason: 'stop' }],
      usage: { prompt_tokens: 5, completion_tokens: 3, total_tokens: 8 },
    }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));
beforeEach(() => void (bodies.length = 0));

const adapter = tgiAdapter();
const endpoint = () => ({ name: 'tgi', protocol: 'tgi' as const, url, enabled: true, models: [] });
const call = (task: string, value: string): EndpointCall => ({
  task, model: modelId, inputs: { text: { modality: 'text', text: value } },
  target: { kind: 'endpoint', endpoint: 'tgi', protocol: 'tgi', url }, signal: new AbortController().signal,
  endpoint: endpoint(), fetch,
});

describe('tgi adapter', () => {
  it('sends text tasks through /v1/chat/completions and returns the message', async () => {
    const out = await adapter.run(call('text-generation', 'hello'));
    expect(out).toEqual([{ port: 'text', modality: 'text', text: 'echo: hello' }]);
    expect(bodies[0]).toMatchObject({ model: modelId, stream: false, messages: [{ role: 'user', content: 'hello' }] });
  });

  it('tells the model what to do for summarization', async () => {
    await adapter.run(call('summarization', 'a long text'));
    expect(bodies[0].messages[0]).toMatchObject({ role: 'system', content: expect.stringContaining('Summarize') });
  });

  it('reports TGI\'s validation error', async () => {
    await expect(adapter.run(call('text-generation', 'x'.repeat(50)))).rejects.toMatchObject({
      kind: 'http', retriable: false, message: expect.stringContaining('HTTP 422: Input validation error'),
    });
  });

  it('finds the model TGI serves from /info, one row per text task', async () => {
    const rows = await adapter.discover!(endpoint());
    expect(rows.map((r) => r.id)).toEqual(Array(rows.length).fill(modelId));
    expect(rows.map((r) => r.task)).toContain('conversational');
    modelId = '/data/my-model';
    expect((await adapter.discover!(endpoint()))[0].id).toBe('my-model');
    modelId = 'HuggingFaceH4/zephyr-7b-beta';
    expect(repoIdOf('C:\\models\\llama 3')).toBe('llama-3');
  });

  it('checks health at GET /health', async () => {
    expect(await adapter.health(endpoint())).toMatchObject({ ok: true });
  });
});
