// A secret is bound to the address it was given for (issue 20, item 5): a client allowed to change settings
// cannot point the LLM or Hugging Face address at its own server and have the key or token sent there.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applySettingsPatch } from '../../src-main/service/settings/settings-store';
import { openSettingsStore } from '../../src-main/service/settings/open-settings-store';
import { defaultSettings } from '../../src-shared/settings';

const withSecrets = () => {
  const s = defaultSettings();
  return { ...s, llm: { ...s.llm, apiKey: 'sk-real' }, huggingface: { ...s.huggingface, token: 'hf_real' } };
};

describe('secrets bound to their address', () => {
  it('drops the API key when llm.baseURL moves without the key being given again', () => {
    const next = applySettingsPatch(withSecrets(), { llm: { baseURL: 'http://127.0.0.1:9999/v1' } });
    expect(next.llm.baseURL).toBe('http://127.0.0.1:9999/v1');
    expect(next.llm.apiKey).toBeUndefined();
    expect(next.huggingface.token).toBe('hf_real');
  });

  it('keeps the key when it is given with the new address, or when the address does not change', () => {
    expect(applySettingsPatch(withSecrets(), { llm: { baseURL: 'http://127.0.0.1:11434/v1', apiKey: 'ollama' } }).llm.apiKey).toBe('ollama');
    expect(applySettingsPatch(withSecrets(), { llm: { baseURL: 'https://api.openai.com/v1', model: 'gpt-4o' } }).llm.apiKey).toBe('sk-real');
    expect(applySettingsPatch(withSecrets(), { execution: { maxParallel: 8 } }).llm.apiKey).toBe('sk-real');
  });

  it.each(['hubUrl', 'routerUrl'])('drops the Hugging Face token when huggingface.%s moves', (key) => {
    const next = applySettingsPatch(withSecrets(), { huggingface: { [key]: 'http://127.0.0.1:9999' } });
    expect(next.huggingface.token).toBeUndefined();
    expect(next.llm.apiKey).toBe('sk-real');
  });

  it('holds for serve, whose key comes from the environment', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'hgs-secrets-'));
    const store = openSettingsStore({ dataDir, env: { OPENAI_API_KEY: 'sk-env', OPENAI_BASE_URL: 'http://127.0.0.1:1234/v1' } });
    expect(store.get().llm.apiKey).toBe('sk-env');
    // The form sends back the address it shows (the environment's): not a move.
    expect(store.update({ llm: { baseURL: 'http://127.0.0.1:1234/v1', model: 'x' } }).llm.apiKey).toBe('sk-env');
    const moved = store.update({ llm: { baseURL: 'http://127.0.0.1:9999/v1' } });
    expect(moved.llm.apiKey).toBeUndefined();
    expect(store.get().llm.apiKey).toBeUndefined();
  });
});
