// The Inference Providers route (no cloud endpoint URL configured): the library asks the Hub which
// provider serves the model, then calls the router. Both hosts are redirected to loopback fakes
// through the runner's `fetch` option, so the real routing code runs end to end.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHfModelRunner } from '../../src-main/platform/inference/hf-model-runner';
import { startFakeHf, type FakeHf } from '../support/fake-hf';
import { tinyPng } from '../support/fake-hf-media';
import { file, makeCall } from './call-helpers';

const MODEL = 'provider-test/detr';
const TOKEN = 'hf_provider_route_token';

describe('Hugging Face provider route', () => {
  let hf: FakeHf;
  let hub: Server;
  let hubUrl = '';
  const hubRequests: string[] = [];

  beforeAll(async () => {
    hf = await startFakeHf({ models: { [MODEL]: { task: 'object-detection' } } });
    hub = createServer((req, res) => {
      hubRequests.push(req.url ?? '');
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ id: MODEL, inferenceProviderMapping: { 'hf-inference': { providerId: MODEL, status: 'live', task: 'object-detection' } } }));
    });
    await new Promise<void>((resolve) => hub.listen(0, '127.0.0.1', resolve));
    hubUrl = `http://127.0.0.1:${(hub.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await hf.close();
    await new Promise((resolve) => hub.close(resolve));
  });

  it('resolves provider "auto" through the Hub and calls the hf-inference router with the token', async () => {
    const redirect: typeof fetch = (input, init) => {
      const url = String(input)
        .replace('https://huggingface.co', hubUrl)
        .replace('https://router.huggingface.co/hf-inference', hf.url);
      return fetch(url, init);
    };
    const runner = createHfModelRunner({ token: TOKEN, fetch: redirect });
    const png = new Uint8Array(tinyPng(16, 16));
    const out = await runner.run(makeCall('object-detection', MODEL, { kind: 'huggingface', provider: 'auto' }, { image: file('image', png, 'image/png') }));
    expect(hubRequests[0]).toMatch(new RegExp(`^/api/models/${MODEL}\\?expand`));
    const req = hf.requests.at(-1)!;
    expect(req).toMatchObject({ model: MODEL, contentType: 'image/png' });
    expect(req.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(out.map((o) => o.modality)).toEqual(['image', 'text']);
  });
});
