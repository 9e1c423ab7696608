// One settings loader: the CLI, `serve` and the desktop app read the same settings.json the same way.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { describe, expect, it } from 'vitest';
import { loadSettings } from '../../src-main/service/settings/config-file';
import { openSettingsStore } from '../../src-main/service/settings/open-settings-store';
import { createMemorySecretStore } from './memory-secret-store';
import { CURATED_BUILT_IN_MODELS } from '../../src-shared/built-in-models';

/** A settings.json in the first format (HuggingGPT's own config names). */
const V1 = {
  openai: { api_base: 'http://127.0.0.1:11434/v1', model: 'llama3.1' },
  local_endpoints: [{ name: 'vision', url: 'http://127.0.0.1:8005', models: [{ id: 'facebook/detr-resnet-50', task: 'object-detection' }] }],
  huggingface: { inference_mode: 'local' },
};

function dataDirWith(content: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'hgs-loader-'));
  writeFileSync(join(dir, 'settings.json'), JSON.stringify(content));
  return dir;
}

const env = { HF_TOKEN: 'hf_env', HF_ENDPOINT: 'https://hub.mirror.example/' };

describe('one settings loader', () => {
  it('reads a v1 settings.json identically in the CLI, serve and the app', () => {
    const cli = loadSettings({ dataDir: dataDirWith(V1), env });
    const serve = openSettingsStore({ dataDir: dataDirWith(V1), env }).get();
    const app = openSettingsStore({
      dataDir: dataDirWith(V1),
      env,
      secrets: createMemorySecretStore(),
      openFile: ({ cwd, name }) => new Conf<Record<string, unknown>>({ cwd, configName: name, clearInvalidConfig: false }),
    }).get();
    expect(cli.llm).toMatchObject({ baseURL: 'http://127.0.0.1:11434/v1', model: 'llama3.1' });
    // Format 3 adds the built-in endpoint with its curated models.
    expect(cli.endpoints.map((e) => [e.name, e.protocol, e.models.length])).toEqual([['vision', 'hf', 1], ['built-in', 'transformers.js', CURATED_BUILT_IN_MODELS.length]]);
    expect(cli.execution.mode).toBe('local');
    expect(cli.huggingface).toMatchObject({ token: 'hf_env', hubUrl: 'https://hub.mirror.example' });
    expect(serve).toEqual(cli);
    expect(app).toEqual(cli);
  });

  it('reads the same v1 content given with --config', () => {
    const dir = dataDirWith({});
    const configPath = join(dir, 'v1.json');
    writeFileSync(configPath, JSON.stringify(V1));
    expect(loadSettings({ configPath, dataDir: dir, env })).toEqual(loadSettings({ dataDir: dataDirWith(V1), env }));
  });

  it('keeps secrets a hand-written file holds when the secret store forgets them at exit', () => {
    const dir = dataDirWith({ version: 2, llm: { apiKey: 'sk-hand' } });
    expect(loadSettings({ dataDir: dir, env: {} }).llm.apiKey).toBe('sk-hand');
    expect(readFileSync(join(dir, 'settings.json'), 'utf8')).toContain('sk-hand');
  });
});
