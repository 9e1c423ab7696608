import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadSettings } from '../../src-main/service/settings/config-file';
import { createFileSettingsStore } from '../../src-main/service/settings/settings-file-store';
import { SETTINGS_VERSION } from '../../src-main/service/settings/settings-migrations';
import type { SecretStore } from '../../src-main/service/settings/settings-store';
import { createMemorySecretStore } from './memory-secret-store';

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'hgs-settings-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

const openFile = ({ cwd, name }: { cwd: string; name: string }) => new Conf<Record<string, unknown>>({ cwd, configName: name });
const open = (secrets: SecretStore = createMemorySecretStore()) => createFileSettingsStore({ dataDir, openFile, secrets });
const settingsFile = () => join(dataDir, 'settings.json');
const readFile = () => JSON.parse(readFileSync(settingsFile(), 'utf8'));

describe('file settings store', () => {
  it('starts from defaults without writing anything', () => {
    const store = open();
    expect(store.get().execution.maxParallel).toBe(4);
    expect(store.warnings).toEqual([]);
    expect(readdirSync(dataDir)).toEqual([]);
  });

  it('saves a change with its version and reads it back in a new instance', () => {
    open().update({ execution: { maxParallel: 7 }, llm: { model: 'llama3.1' } });
    expect(readFile()).toMatchObject({ version: SETTINGS_VERSION, execution: { maxParallel: 7, mode: 'hybrid' }, llm: { model: 'llama3.1' } });
    const again = open().get();
    expect(again.execution.maxParallel).toBe(7);
    expect(again.llm.model).toBe('llama3.1');
  });

  it('keeps secrets in the SecretStore, never in settings.json; null clears, omitted keeps', () => {
    const secrets = createMemorySecretStore();
    const store = open(secrets);
    store.update({ llm: { apiKey: 'sk-secret-1' }, huggingface: { token: 'hf_secret_2' } });
    expect(readFileSync(settingsFile(), 'utf8')).not.toMatch(/sk-secret-1|hf_secret_2|"apiKey"|"token"/);
    expect(secrets.get('llm.apiKey')).toBe('sk-secret-1');

    store.update({ llm: { model: 'other' } });
    expect(store.get().llm.apiKey).toBe('sk-secret-1');
    expect(open(secrets).get().huggingface.token).toBe('hf_secret_2');

    store.update({ llm: { apiKey: null } });
    expect(store.get().llm.apiKey).toBeUndefined();
    expect(secrets.get('llm.apiKey')).toBeUndefined();
    expect(secrets.get('huggingface.token')).toBe('hf_secret_2');
  });

  it('merges sections key by key and replaces endpoints as a whole', () => {
    const store = open();
    const a = { name: 'a', protocol: 'hf' as const, url: 'http://127.0.0.1:8001', enabled: true, models: [] };
    const b = { name: 'b', protocol: 'hf' as const, url: 'http://127.0.0.1:8002', enabled: true, models: [{ id: 'org/m', task: 'image-classification' }] };
    store.update({ endpoints: [a, b], execution: { retries: 5 } });
    store.update({ endpoints: [b], execution: { timeoutMs: 1000 } });
    const s = store.get();
    expect(s.endpoints.map((e) => e.name)).toEqual(['b']);
    expect(s.execution).toMatchObject({ retries: 5, timeoutMs: 1000, maxParallel: 4 });
  });

  it('rejects an invalid patch naming the field and saves nothing', () => {
    const store = open();
    store.update({ execution: { maxParallel: 2 } });
    const before = readFileSync(settingsFile(), 'utf8');
    expect(() => store.update({ execution: { maxParallel: 0 } })).toThrow(/execution\.maxParallel/);
    expect(() => store.update({ llm: { baseURL: 'not a url' } })).toThrow(/llm\.baseURL/);
    expect(() => store.update({ endpoints: [{ name: '', url: 'http://x' }] } as never)).toThrow(/endpoints\.0\.name/);
    expect(() => store.update({ execution: { maxParalel: 3 } } as never)).toThrow(/execution\.maxParalel: unknown setting/);
    expect(() => store.update({ llm: 'x' } as never)).toThrow(expect.objectContaining({ kind: 'invalid-settings', message: expect.stringMatching(/llm: expected an object/) }));
    expect(readFileSync(settingsFile(), 'utf8')).toBe(before);
    expect(store.get().execution.maxParallel).toBe(2);
  });

  it('keeps a file that is not JSON aside, starts from defaults and says where it is', () => {
    writeFileSync(settingsFile(), '{"llm": {');
    const store = open();
    const aside = readdirSync(dataDir).filter((f) => f.startsWith('settings.json.corrupt-'));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(dataDir, aside[0]), 'utf8')).toBe('{"llm": {');
    expect(store.warnings).toEqual([expect.stringContaining(aside[0])]);
    expect(store.warnings[0]).toMatch(/not valid JSON/);
    expect(store.get().llm.model).toBe('gpt-4o-mini');
  });

  it('keeps aside a file that fails the schema, naming the field', () => {
    writeFileSync(settingsFile(), JSON.stringify({ version: SETTINGS_VERSION, execution: { maxParallel: 'many' } }));
    const store = open();
    expect(readdirSync(dataDir).some((f) => f.startsWith('settings.json.corrupt-'))).toBe(true);
    expect(store.warnings[0]).toMatch(/execution\.maxParallel/);
    store.update({ llm: { model: 'fresh' } });
    expect(readFile().llm.model).toBe('fresh');
  });

  it('keeps aside a file written by a newer version', () => {
    writeFileSync(settingsFile(), JSON.stringify({ version: SETTINGS_VERSION + 1 }));
    const store = open();
    expect(store.warnings[0]).toMatch(/newer version/);
    expect(readdirSync(dataDir).some((f) => f.startsWith('settings.json.corrupt-'))).toBe(true);
  });

  it('migrates a v1 file on disk, keeping a backup of the original', () => {
    const v1 = { version: 1, openai: { api_base: 'http://127.0.0.1:1234/v1', model: 'local' }, local_endpoints: [{ name: 'e', url: 'http://127.0.0.1:9000' }] };
    writeFileSync(settingsFile(), JSON.stringify(v1));
    const store = open();
    expect(store.get().llm).toMatchObject({ baseURL: 'http://127.0.0.1:1234/v1', model: 'local' });
    expect(store.get().endpoints[0].name).toBe('e');
    const onDisk = readFile();
    expect(onDisk.version).toBe(SETTINGS_VERSION);
    expect(onDisk).not.toHaveProperty('openai');
    expect(JSON.parse(readFileSync(join(dataDir, 'settings.json.v1.bak'), 'utf8'))).toEqual(v1);
    expect(store.warnings).toEqual([]);
  });

  it('moves secrets found in a hand-written file into the SecretStore and out of the file', () => {
    writeFileSync(settingsFile(), JSON.stringify({ version: SETTINGS_VERSION, llm: { apiKey: 'sk-hand' }, huggingface: { token: 'hf_hand' } }));
    const secrets = createMemorySecretStore();
    const store = open(secrets);
    expect(secrets.get('llm.apiKey')).toBe('sk-hand');
    expect(store.get().huggingface.token).toBe('hf_hand');
    expect(readFileSync(settingsFile(), 'utf8')).not.toMatch(/sk-hand|hf_hand/);
    expect(store.warnings).toHaveLength(2);
    expect(store.warnings[0]).toMatch(/LLM API key .* moved/);
  });

  it('warns when secrets cannot be protected by an OS keyring', () => {
    expect(open(createMemorySecretStore('plain')).warnings).toEqual([expect.stringMatching(/No OS keyring/)]);
    expect(open(createMemorySecretStore('memory')).warnings).toEqual([expect.stringMatching(/only until the app quits/)]);
  });

  it('writes a file the CLI loads (the version key passes its schema)', () => {
    open().update({ llm: { model: 'shared-model', apiKey: 'sk-x' }, execution: { mode: 'local' } });
    const cli = loadSettings({ dataDir, env: {} });
    expect(cli.llm.model).toBe('shared-model');
    expect(cli.execution.mode).toBe('local');
    expect(cli.llm.apiKey).toBeUndefined();
    expect(cli).not.toHaveProperty('version');
  });
});
