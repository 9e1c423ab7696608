import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BuiltInLlmDownload } from '../../src-shared/built-in-llm';
import { createGgufStore, GgufDownloadError } from '../../src-main/platform/llama-chat/gguf-store';
import { startFakeHubFiles, type FakeHubFiles, type HubFileFaults } from '../support/fake-hub-files';

const MODEL = 'test-org/tiny-GGUF/tiny-Q4_K_M.gguf';
const BYTES = Buffer.from(Array.from({ length: 200_000 }, (_, i) => (i * 7919) % 251));

let hub: FakeHubFiles | undefined;
afterEach(async () => {
  await hub?.close();
  hub = undefined;
});

async function setUp(faults: HubFileFaults = {}) {
  hub = await startFakeHubFiles({ [MODEL]: BYTES }, faults);
  const dataDir = mkdtempSync(join(tmpdir(), 'hgs-gguf-'));
  const url = hub.url;
  return { hub, dataDir, store: createGgufStore(dataDir, () => ({ hubUrl: url })) };
}

describe('the built-in LLM model store', () => {
  it('downloads a model once into the data folder, reports progress, and lists it with its size', async () => {
    const { hub, dataDir, store } = await setUp();
    const progress: BuiltInLlmDownload[] = [];
    const path = await store.ensure(MODEL, { onProgress: (p) => progress.push(p) });
    expect(path).toBe(join(dataDir, 'llm-models', 'test-org', 'tiny-GGUF', 'tiny-Q4_K_M.gguf'));
    expect(readFileSync(path).equals(BYTES)).toBe(true);
    expect(progress.at(-1)).toEqual({ model: MODEL, receivedBytes: BYTES.length, totalBytes: BYTES.length });
    expect(await store.list()).toEqual([{ model: MODEL, bytes: BYTES.length }]);
    // Size and sha256 come from the Hub's own redirect (HEAD, not followed): the CDN's ETag is not the sha256.
    expect(hub.requests[0]).toBe('HEAD /test-org/tiny-GGUF/resolve/main/tiny-Q4_K_M.gguf');
    expect(hub.requests.filter((r) => r.startsWith('HEAD /cdn-lfs/'))).toEqual([]);
    const before = hub.requests.length;
    expect(await store.ensure(MODEL)).toBe(path);
    expect(hub.requests.length).toBe(before);
  });

  it('resumes with a Range request after the connection drops', async () => {
    const { hub, store } = await setUp({ dropOnceAfterBytes: 70_000 });
    const path = await store.ensure(MODEL);
    expect(readFileSync(path).equals(BYTES)).toBe(true);
    const resumedFrom = hub.requests.map((r) => /\/cdn-lfs\/\S+ bytes=(\d+)-$/.exec(r)?.[1]).filter(Boolean).map(Number);
    expect(resumedFrom[0]).toBe(0);
    expect(resumedFrom[1]).toBeGreaterThan(0); // the second request starts where the part file ended
    expect(hub.bytesServed()).toBeLessThan(BYTES.length + 70_000);
  });

  it('refuses a file whose bytes do not match the sha256 the Hub announced, and keeps nothing', async () => {
    const { store } = await setUp({ corrupt: true });
    const error = await store.ensure(MODEL).catch((e) => e);
    expect(error).toBeInstanceOf(GgufDownloadError);
    expect(error.kind).toBe('corrupt');
    expect(existsSync(store.pathOf(MODEL))).toBe(false);
    expect(existsSync(`${store.pathOf(MODEL)}.part`)).toBe(false);
  });

  it('says when the Hub has no such file', async () => {
    const { store } = await setUp();
    const error = await store.ensure('test-org/tiny-GGUF/missing.gguf').catch((e) => e);
    expect(error).toMatchObject({ kind: 'not-found' });
    expect(error.message).toContain('missing.gguf');
  });

  it('stops a download when its caller cancels, and downloads it later', async () => {
    const { store } = await setUp({ delayMs: 300 });
    const controller = new AbortController();
    const pending = store.ensure(MODEL, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await expect(pending).rejects.toMatchObject({ kind: 'cancelled' });
    expect(existsSync(store.pathOf(MODEL))).toBe(false);
    expect(readFileSync(await store.ensure(MODEL)).equals(BYTES)).toBe(true);
  });

  it('deletes a downloaded model', async () => {
    const { store } = await setUp();
    await store.ensure(MODEL);
    expect(await store.delete(MODEL)).toBe(true);
    expect(await store.list()).toEqual([]);
    expect(await store.delete(MODEL)).toBe(false);
  });

  it('refuses a model name that is not a GGUF file on the Hub', async () => {
    const { store } = await setUp();
    await expect(store.ensure('gpt-4o-mini')).rejects.toThrow(/<org>\/<repo>\/<file>\.gguf/);
  });
});
