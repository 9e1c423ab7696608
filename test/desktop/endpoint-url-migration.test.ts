// `huggingface.endpointUrl` (removed in settings format 4) is never dropped silently: a router's hf-inference route
// becomes huggingface.routerUrl, the retired serverless API gives way to the default router, anything else is
// dropped with a note naming what to set instead; settings.json as it was is kept as settings.json.v3.bak, and
// the note reaches the settings panel (SettingsView.warnings) and the CLI's stderr.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src-main/cli/main';
import { openCliSettings } from '../../src-main/service/settings/config-file';
import { migrateEndpointUrl, routerUrlFor } from '../../src-main/service/settings/endpoint-url-migration';
import { createFileSettingsStore } from '../../src-main/service/settings/settings-file-store';
import { createSettingsHandlers } from '../../src-main/service/settings/settings-handlers';
import { migrateSettings, SETTINGS_VERSION } from '../../src-main/service/settings/settings-migrations';
import { captureIO } from '../support/cli-io';
import { createMemorySecretStore } from './memory-secret-store';

const openFile = ({ cwd, name }: { cwd: string; name: string }) => new Conf<Record<string, unknown>>({ cwd, configName: name });
const dataDirWith = (file: object) => {
  const dir = mkdtempSync(join(tmpdir(), 'hgs-endpointurl-'));
  writeFileSync(join(dir, 'settings.json'), JSON.stringify(file));
  return dir;
};

describe('huggingface.endpointUrl (settings format 3 -> 4)', () => {
  it('reads a router hf-inference route as the router address, the retired serverless API as the default router', () => {
    expect(routerUrlFor('https://router.huggingface.co/hf-inference')).toEqual({ routerUrl: 'https://router.huggingface.co' });
    expect(routerUrlFor('https://proxy.corp.example/hf/hf-inference/')).toEqual({ routerUrl: 'https://proxy.corp.example/hf' });
    expect(routerUrlFor('https://api-inference.huggingface.co')).toBe('default');
    expect(routerUrlFor('http://127.0.0.1:8005')).toBeUndefined();
    expect(routerUrlFor('https://router.huggingface.co/hf-inference?x=1')).toBeUndefined();
    expect(routerUrlFor('not a url')).toBeUndefined();
  });

  it('moves a router route into routerUrl, with a note', () => {
    const notes: string[] = [];
    const out = migrateEndpointUrl({ huggingface: { endpointUrl: 'https://proxy.corp.example/hf-inference', enabled: true } }, (n) => notes.push(n));
    expect(out).toEqual({ huggingface: { routerUrl: 'https://proxy.corp.example', enabled: true } });
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(/huggingface\.endpointUrl \(https:\/\/proxy\.corp\.example\/hf-inference\) is no longer a setting/);
    expect(notes[0]).toMatch(/huggingface\.routerUrl is now https:\/\/proxy\.corp\.example/);
  });

  it('drops what it cannot carry over, saying what to set instead, never showing a password', () => {
    const notes: string[] = [];
    const out = migrateEndpointUrl({ huggingface: { endpointUrl: 'http://admin:pw@127.0.0.1:8005', token: 'hf_x' } }, (n) => notes.push(n));
    expect(out).toEqual({ huggingface: { token: 'hf_x' } });
    expect(notes[0]).toMatch(/It was dropped \(it is not a router address\): if it is a proxy of the router, set huggingface\.routerUrl/);
    expect(notes[0]).toMatch(/add it under Local endpoints \(protocol "hf"\)/);
    expect(notes[0]).toContain('http://***@127.0.0.1:8005');
    expect(notes[0]).not.toContain('pw');

    // A router route beside a different routerUrl: the routerUrl set by the user wins, and the note says so.
    const both: string[] = [];
    const kept = migrateEndpointUrl({ huggingface: { endpointUrl: 'https://a.example/hf-inference', routerUrl: 'https://b.example' } }, (n) => both.push(n));
    expect(kept).toEqual({ huggingface: { routerUrl: 'https://b.example' } });
    expect(both[0]).toMatch(/routerUrl was already set to https:\/\/b\.example/);
  });

  it('leaves settings without endpointUrl as they are, with no note', () => {
    const notes: string[] = [];
    const raw = { huggingface: { routerUrl: 'https://r.example' }, llm: { model: 'm' } };
    expect(migrateEndpointUrl(raw, (n) => notes.push(n))).toBe(raw);
    expect(migrateSettings({ version: 3, ...raw }).notes).toEqual([]);
  });

  it('settings.json: migrated, the old file kept as .v3.bak, and the note shown in the settings panel', async () => {
    const dataDir = dataDirWith({ version: 3, huggingface: { endpointUrl: 'https://router.huggingface.co/hf-inference', provider: 'auto' }, endpoints: [] });
    const store = createFileSettingsStore({ dataDir, openFile, secrets: createMemorySecretStore() });
    expect(store.get().huggingface.routerUrl).toBe('https://router.huggingface.co');
    const onDisk = JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8'));
    expect(onDisk.version).toBe(SETTINGS_VERSION);
    expect(onDisk.huggingface).not.toHaveProperty('endpointUrl');
    expect(JSON.parse(readFileSync(join(dataDir, 'settings.json.v3.bak'), 'utf8')).huggingface.endpointUrl).toBe('https://router.huggingface.co/hf-inference');

    const handlers = createSettingsHandlers({ store, testLlm: async () => ({ ok: true, message: '' }), checkHealth: async () => { throw new Error('unused'); } });
    const view = await handlers['settings.get']();
    expect(view.warnings).toEqual([expect.stringMatching(/huggingface\.endpointUrl .* is no longer a setting.*kept as settings\.json\.v3\.bak/)]);
  });

  it('the CLI says on stderr what was dropped, once, for settings.json and for --config files', async () => {
    const dataDir = dataDirWith({ version: 3, huggingface: { endpointUrl: 'http://127.0.0.1:8005' }, endpoints: [] });
    const cap = captureIO({ env: {} });
    expect(await runCli(['models', '--task', 'image-classification', '--json', '--data-dir', dataDir], cap.io)).toBe(0);
    const warnings = cap.stderr().split('\n').filter((l) => l.startsWith('warning: '));
    expect(warnings).toEqual([expect.stringMatching(/^warning: huggingface\.endpointUrl \(http:\/\/127\.0\.0\.1:8005\) is no longer a setting.*It was dropped.*kept as settings\.json\.v3\.bak/)]);
    expect(existsSync(join(dataDir, 'settings.json.v3.bak'))).toBe(true);
    // Said once: the file is migrated now, so the next command has nothing to say.
    const again = captureIO({ env: {} });
    await runCli(['models', '--task', 'image-classification', '--json', '--data-dir', dataDir], again.io);
    expect(again.stderr()).not.toContain('endpointUrl');

    const config = join(dataDir, 'old-config.json');
    writeFileSync(config, JSON.stringify({ huggingface: { endpointUrl: 'https://mirror.example/hf-inference' } }));
    const store = openCliSettings({ configPath: config, dataDir, env: {} });
    expect(store.get().huggingface.routerUrl).toBe('https://mirror.example');
    expect(store.loadNotices).toEqual([expect.stringMatching(/^config file old-config\.json: huggingface\.endpointUrl .*routerUrl is now https:\/\/mirror\.example/)]);
    expect(JSON.parse(readFileSync(config, 'utf8')).huggingface.endpointUrl).toBe('https://mirror.example/hf-inference'); // the user's file is not rewritten
  });
});

describe('settings this version does not know', () => {
  it('are named in the panel and on the CLI instead of vanishing', async () => {
    const dataDir = dataDirWith({ version: SETTINGS_VERSION, huggingface: { endpointUrl: 'http://127.0.0.1:8005', hubUrl: 'https://huggingface.co' }, colour: 'blue', endpoints: [] });
    const store = createFileSettingsStore({ dataDir, openFile, secrets: createMemorySecretStore() });
    expect(store.warnings).toEqual(['settings.json: colour, huggingface.endpointUrl are not settings of this version: ignored (and left out of the file at the next save).']);
    const cap = captureIO({ env: {} });
    expect(await runCli(['models', '--task', 'image-classification', '--json', '--data-dir', dataDir], cap.io)).toBe(0);
    expect(cap.stderr()).toContain('warning: settings.json: colour, huggingface.endpointUrl are not settings of this version');
  });
});
