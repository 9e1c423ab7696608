import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EndpointHealth } from '../../src-shared/contract';
import type { Endpoint, Settings } from '../../src-shared/settings';
import { createSettingsHandlers } from '../../src-main/service/settings/settings-handlers';
import { createFileSettingsStore } from '../../src-main/service/settings/settings-file-store';
import { createMemorySecretStore } from './memory-secret-store';

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'hgs-handlers-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

function setup(overrides: Partial<Parameters<typeof createSettingsHandlers>[0]> = {}) {
  const store = createFileSettingsStore({
    dataDir,
    openFile: ({ cwd, name }) => new Conf<Record<string, unknown>>({ cwd, configName: name }),
    secrets: createMemorySecretStore(),
  });
  const seen: { llm: Settings['llm'][]; endpoints: string[] } = { llm: [], endpoints: [] };
  const handlers = createSettingsHandlers({
    store,
    dataDir,
    testLlm: async (llm) => {
      seen.llm.push(llm);
      return { ok: true, message: `answered by ${llm.model}`, latencyMs: 5 };
    },
    checkHealth: async (e: Endpoint): Promise<EndpointHealth> => {
      seen.endpoints.push(e.name);
      if (e.name === 'broken') throw new Error('connect ECONNREFUSED 127.0.0.1:9');
      return { name: e.name, url: e.url, ok: true, message: 'ok', latencyMs: 3, checkedAt: 1 };
    },
    ...overrides,
  });
  return { store, handlers, seen };
}

describe('settings handlers', () => {
  it('settings.get shows secrets only as set / not set, with the data folder', async () => {
    const { handlers } = setup();
    await handlers['settings.update']({ llm: { apiKey: 'sk-hidden' } });
    const view = await handlers['settings.get']();
    expect(JSON.stringify(view)).not.toContain('sk-hidden');
    expect(view.llm.apiKeySet).toBe(true);
    expect(view.huggingface.tokenSet).toBe(false);
    expect(view.dataDir).toBe(dataDir);
    expect(view).not.toHaveProperty('warnings');
  });

  it('settings.update returns the new view and rejects invalid patches with a message naming the field', async () => {
    const { handlers } = setup();
    const view = await handlers['settings.update']({ huggingface: { token: 'hf_abc', enabled: false } });
    expect(view.huggingface).toMatchObject({ tokenSet: true, enabled: false });
    expect(view.huggingface).not.toHaveProperty('token');
    await expect(handlers['settings.update']({ execution: { retries: 99 } })).rejects.toMatchObject({
      kind: 'invalid-settings',
      message: expect.stringContaining('execution.retries'),
    });
    expect((await handlers['settings.get']()).execution.retries).toBe(2);
  });

  it('settings.get reports the store warnings', async () => {
    const store = createFileSettingsStore({
      dataDir,
      openFile: ({ cwd, name }) => new Conf<Record<string, unknown>>({ cwd, configName: name }),
      secrets: createMemorySecretStore('plain'),
    });
    const withWarnings = createSettingsHandlers({ store, testLlm: async () => ({ ok: true, message: '' }), checkHealth: async () => { throw new Error('x'); } });
    expect((await withWarnings['settings.get']()).warnings).toEqual([expect.stringMatching(/keyring/)]);
  });

  it('settings.testLlm tests the saved LLM settings, secret included, and turns a throw into the reason', async () => {
    const { handlers, seen } = setup();
    await handlers['settings.update']({ llm: { model: 'tiny', apiKey: 'sk-t' } });
    expect(await handlers['settings.testLlm']()).toEqual({ ok: true, message: 'answered by tiny', latencyMs: 5 });
    expect(seen.llm[0]).toMatchObject({ model: 'tiny', apiKey: 'sk-t' });
    const failing = setup({ testLlm: async () => { throw new Error('401 Incorrect API key provided'); } });
    expect(await failing.handlers['settings.testLlm']()).toEqual({ ok: false, message: '401 Incorrect API key provided' });
  });

  it('endpoints.health checks all endpoints or the one named, reporting failures as unhealthy', async () => {
    const { handlers, seen } = setup();
    await handlers['settings.update']({
      endpoints: [
        { name: 'good', protocol: 'hf', url: 'http://127.0.0.1:8001', enabled: true, models: [] },
        { name: 'broken', protocol: 'hf', url: 'http://127.0.0.1:9', enabled: true, models: [] },
      ],
    });
    const all = await handlers['endpoints.health']({});
    expect(all.map((h) => [h.name, h.ok])).toEqual([['good', true], ['broken', false]]);
    expect(all[1].message).toMatch(/ECONNREFUSED/);
    expect(all[1].checkedAt).toBeGreaterThan(0);
    expect(await handlers['endpoints.health']({ name: 'good' })).toHaveLength(1);
    expect(seen.endpoints).toEqual(['good', 'broken', 'good']);
    await expect(handlers['endpoints.health']({ name: 'nope' })).rejects.toMatchObject({ kind: 'not-found' });
  });

  it('tests the values in the form without saving them: the LLM draft over the saved key, and an unsaved endpoint', async () => {
    const { handlers, store, seen } = setup();
    await handlers['settings.update']({ llm: { apiKey: 'sk-saved', model: 'saved-model' } });
    const check = await handlers['settings.testLlm']({ llm: { baseURL: 'http://127.0.0.1:9/v1', model: 'draft-model' } });
    expect(check.message).toBe('answered by draft-model');
    expect(seen.llm.at(-1)).toMatchObject({ baseURL: 'http://127.0.0.1:9/v1', model: 'draft-model', apiKey: 'sk-saved' });
    expect(store.get().llm).toMatchObject({ model: 'saved-model', baseURL: 'https://api.openai.com/v1' });
    expect(await handlers['settings.testLlm']({ llm: { baseURL: 'not a url' } })).toMatchObject({ ok: false, message: expect.stringContaining('llm.baseURL') });

    const [health] = await handlers['endpoints.health']({ endpoint: { name: 'draft', protocol: 'hf', url: 'http://127.0.0.1:8005', enabled: true, models: [] } });
    expect(health).toMatchObject({ name: 'draft', ok: true });
    expect(store.get().endpoints.map((e) => e.name)).not.toContain('draft');
    await expect(handlers['endpoints.health']({ endpoint: { name: 'x', url: 'nope' } as Endpoint })).rejects.toMatchObject({ kind: 'invalid-settings' });
  });
});
