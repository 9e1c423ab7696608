import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { InferenceInput } from '../../src-main/engine/inference';
import type { EndpointCall } from '../../src-main/platform/endpoints/endpoint-adapter';
import { base64Media, toolkitAdapter } from '../../src-main/platform/endpoints/toolkit-adapter';
import { pngFor } from '../support/fake-comfyui';

// A loopback Inference Toolkit container, answering as huggingface-inference-toolkit's webservice_starlette.py:
// GET / and /health -> "Ok"; POST / with JSON {"inputs"} or raw image bytes; the answer serialized for Accept
// (none or */* -> JSON, where an image is a base64 PNG string: serialization/json_utils.py); errors 400 {"error"}.
const IMAGE = pngFor('toolkit image');
let server: Server;
let url: string;
let task = 'text-to-image';
let ignoreAccept = false;
const seen: Array<{ method?: string; path?: string; headers: IncomingHttpHeaders; body: Buffer }> = [];

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    seen.push({ method: req.method, path: req.url, headers: req.headers, body });
    if (req.method === 'GET' && (req.url === '/' || req.url === '/health')) return res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end('Ok');
    if (req.method !== 'POST' || (req.url !== '/' && req.url !== '/predict')) return res.writeHead(404).end('Not Found');
    const type = req.headers['content-type'] ?? '';
    const accept = !req.headers.accept || req.headers.accept === '*/*' || ignoreAccept ? 'application/json' : req.headers.accept;
    const fail = (message: string) => res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ error: message }));
    if (task === 'text-to-image') {
      if (!type.startsWith('application/json')) return fail(`Content type "${type}" not supported.`);
      const json = JSON.parse(body.toString('utf8'));
      if (!('inputs' in json)) return fail(`Body needs to provide a inputs key, recieved: ${body}`);
      if (accept === 'image/png') return res.writeHead(200, { 'content-type': 'image/png' }).end(IMAGE);
      return res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(IMAGE.toString('base64')));
    }
    if (task === 'text-to-speech') {
      // Audioer.serialize raises NotImplementedError, so only JSON works: the samples as nested lists.
      if (accept !== 'application/json') return fail('Audio serialization not implemented');
      return res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ audio: [[0, 0.5, -0.5, 1.5]], sampling_rate: 16000 }));
    }
    if (!type.startsWith('image/')) return fail(`Content type "${type}" not supported.`);
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify([{ label: 'heron', score: 0.9 }, { label: 'egret', score: 0.1 }]));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));
beforeEach(() => {
  seen.length = 0;
  ignoreAccept = false;
  task = 'text-to-image';
});

const adapter = toolkitAdapter();
const text = (value: string): InferenceInput => ({ modality: 'text', text: value });

function call(callTask: string, inputs: Record<string, InferenceInput>): EndpointCall {
  return {
    task: callTask, model: 'stabilityai/sd-turbo', inputs,
    target: { kind: 'endpoint', endpoint: 'box', protocol: 'toolkit', url },
    signal: new AbortController().signal,
    endpoint: { name: 'box', protocol: 'toolkit', url: `${url}/`, enabled: true, models: [] },
    fetch, hfToken: 'hf_secret',
  };
}

describe('toolkit adapter', () => {
  it('asks for image/png at the root and returns the bytes', async () => {
    const [out] = await adapter.run(call('text-to-image', { text: text('a heron'), seed: text('5') }));
    expect(Buffer.from((out as { bytes: Uint8Array }).bytes)).toEqual(IMAGE);
    expect(seen[0]).toMatchObject({ method: 'POST', path: '/' });
    expect(seen[0].headers.accept).toBe('image/png');
    expect(JSON.parse(seen[0].body.toString())).toMatchObject({ inputs: 'a heron', parameters: { seed: 5 } });
  });

  it('decodes a base64-in-JSON image when the container answers JSON', async () => {
    ignoreAccept = true;
    const [out] = await adapter.run(call('text-to-image', { text: text('a heron'), seed: text('5') }));
    expect(out).toMatchObject({ modality: 'image', mime: 'image/png' });
    expect(Buffer.from((out as { bytes: Uint8Array }).bytes)).toEqual(IMAGE);
  });

  it('sends raw image bytes and reads JSON labels, with Accept application/json', async () => {
    task = 'image-classification';
    const [out] = await adapter.run(call('image-classification', { image: { modality: 'image', bytes: IMAGE, mime: 'image/png' } }));
    expect(out).toMatchObject({ modality: 'text', text: 'heron (0.900)\negret (0.100)' });
    expect(seen[0].headers['content-type']).toBe('image/png');
    expect(seen[0].headers.accept).toBe('application/json');
  });

  it('asks for JSON speech (the toolkit cannot serialize audio) and turns its samples into a WAV', async () => {
    task = 'text-to-speech';
    const [out] = await adapter.run(call('text-to-speech', { text: text('hello') }));
    const wav = Buffer.from((out as { bytes: Uint8Array }).bytes);
    expect(out).toMatchObject({ modality: 'audio', mime: 'audio/wav' });
    expect(wav.subarray(0, 4).toString('ascii')).toBe('RIFF');
    expect(wav.readUInt32LE(24)).toBe(16000);
    expect([0, 1, 2, 3].map((i) => wav.readInt16LE(44 + i * 2))).toEqual([0, 16384, -16383, 32767]);
  });

  it('never sends the Hugging Face token to a host that is not Hugging Face', async () => {
    await adapter.run(call('text-to-image', { text: text('a heron') }));
    expect(seen[0].headers.authorization).toBeUndefined();
  });

  it('turns the container\'s 400 {"error"} into a clear error', async () => {
    task = 'image-classification';
    await expect(adapter.run(call('image-classification', { image: { modality: 'audio', bytes: IMAGE, mime: 'audio/wav' } as InferenceInput }))).rejects.toMatchObject({
      kind: 'http', message: expect.stringContaining('HTTP 400: Content type "audio/wav" not supported.'),
    });
  });

  it('checks health at GET /health', async () => {
    const health = await adapter.health({ name: 'box', protocol: 'toolkit', url, enabled: true, models: [] });
    expect(health).toMatchObject({ ok: true, message: 'healthy (HTTP 200)' });
  });

  it('finds base64 media in the shapes containers answer', () => {
    expect(base64Media('QUJD')).toBe('QUJD');
    expect(base64Media([{ image: 'QUJD' }])).toBe('QUJD');
    expect(base64Media({ audio: 'QUJD', sampling_rate: 16000 })).toBe('QUJD');
    expect(base64Media([{ label: 'x', score: 1 }])).toBeUndefined();
  });
});
