// The fake Hub's file routes against the real client (@huggingface/hub's fileDownloadInfo) and plain fetch:
// the answers the built-in runtime and the built-in LLM's download rely on, for both kinds of file.
import { createHash } from 'node:crypto';
import { fileDownloadInfo, HubApiError, listModels } from '@huggingface/hub';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cdnEtag, hubFileRoutes, startFakeHubFiles, type FakeHubFiles } from './fake-hub-files';
import { hubApiRoutes } from './fake-hub';
import { listenOnLoopback } from './loopback-http';

const WEIGHTS = Buffer.from(Array.from({ length: 3000 }, (_, i) => i % 256));
const CONFIG = { model_type: 'vit', id2label: { 0: 'red' } };
let hub: FakeHubFiles;
beforeAll(async () => void (hub = await startFakeHubFiles({ 'org/model': { 'config.json': CONFIG }, 'org/model-GGUF/model.gguf': WEIGHTS })));
afterAll(() => hub.close());

const info = (repo: string, path: string, accessToken?: string) => fileDownloadInfo({ repo, path, hubUrl: hub.url, accessToken });

describe('the fake Hub serving model files', () => {
  it('answers a regular file straight, with its git blob id as ETag and Range honoured', async () => {
    const text = JSON.stringify(CONFIG, null, 2);
    const blob = createHash('sha1').update(`blob ${text.length}\0${text}`).digest('hex');
    expect(await info('org/model', 'config.json')).toMatchObject({ size: text.length, etag: `"${blob}"` });
    const whole = await fetch(`${hub.url}/org/model/resolve/main/config.json`, { redirect: 'manual' });
    expect(whole.status).toBe(200);
    expect(await whole.json()).toEqual(CONFIG);
    expect(hub.downloads).toEqual(['org/model/config.json']);
  });

  it('redirects an LFS file to the CDN with its size and sha256, and the CDN serves ranges', async () => {
    const sha256 = createHash('sha256').update(WEIGHTS).digest('hex');
    const redirect = await fetch(`${hub.url}/org/model-GGUF/resolve/main/model.gguf`, { redirect: 'manual' });
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get('x-linked-size')).toBe(String(WEIGHTS.length));
    expect(redirect.headers.get('x-linked-etag')).toBe(`"${sha256}"`);
    expect(redirect.headers.get('etag')).toBeNull();
    // Following the redirect (as @huggingface/hub's fileDownloadInfo does) lands on the CDN's own ETag, not the sha256.
    expect(await info('org/model-GGUF', 'model.gguf')).toMatchObject({ size: WEIGHTS.length, etag: `"${cdnEtag(sha256)}"` });
    expect(cdnEtag(sha256)).toMatch(/^[0-9a-f]{64}$/);
    expect(cdnEtag(sha256)).not.toBe(sha256);
    const tail = await fetch(`${hub.url}/org/model-GGUF/resolve/main/model.gguf`, { headers: { Range: 'bytes=2990-' } });
    expect(tail.status).toBe(206);
    expect(tail.headers.get('content-range')).toBe(`bytes 2990-2999/${WEIGHTS.length}`);
    expect(Buffer.from(await tail.arrayBuffer()).equals(WEIGHTS.subarray(2990))).toBe(true);
    const past = await fetch(`${hub.url}/org/model-GGUF/resolve/main/model.gguf`, { headers: { Range: 'bytes=5000-' } });
    expect(past.status).toBe(416);
  });

  it('refuses as huggingface.co does: missing file, unknown revision, unknown repository with and without a token', async () => {
    expect(await info('org/model', 'missing.json')).toBeNull();
    const revision = await fetch(`${hub.url}/org/model/resolve/v9/config.json`);
    expect([revision.status, revision.headers.get('x-error-code')]).toEqual([404, 'RevisionNotFound']);
    const anonymous = await info('nobody/nothing', 'config.json').catch((e) => e);
    expect(anonymous).toBeInstanceOf(HubApiError);
    expect(anonymous.statusCode).toBe(401);
    expect((await info('nobody/nothing', 'config.json', 'hf_test').catch((e) => e)).statusCode).toBe(404);
    const raw = await fetch(`${hub.url}/nobody/nothing/resolve/main/config.json`);
    expect(raw.headers.get('x-error-code')).toBe('RepoNotFound');
  });

  it('composes with the model API routes into one Hub on one address, as huggingface.co serves both', async () => {
    const api = hubApiRoutes([{ id: 'org/model', pipeline_tag: 'image-classification', downloads: 5, likes: 1 }]);
    const files = hubFileRoutes({ 'org/model': { 'config.json': CONFIG } });
    const both = await listenOnLoopback((req, res, url) => api.routes(req, res, url) || files.routes(req, res, url) || res.writeHead(404).end());
    try {
      const listed = [];
      for await (const m of listModels({ search: { task: 'image-classification' }, hubUrl: both.url })) listed.push(m.name);
      expect(listed).toEqual(['org/model']);
      expect(await fileDownloadInfo({ repo: 'org/model', path: 'config.json', hubUrl: both.url })).toMatchObject({ size: JSON.stringify(CONFIG, null, 2).length });
      expect(files.requests).toEqual(['GET /org/model/resolve/main/config.json bytes=0-0']);
    } finally {
      await both.close();
    }
  });
});
