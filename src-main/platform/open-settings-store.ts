// Settings for `hugginggpt serve`: the data folder's settings.json (secrets from the environment, in memory),
// or, with --config, the given file's settings kept in memory.
import Conf from 'conf';
import { defaultSettings, type Settings } from '../../src-shared/settings';
import { applySettingsPatch, type SecretName, type SecretStore, type SettingsStore } from '../engine/settings-store';
import { createFileSettingsStore } from './settings-file-store';

/** Secrets held in memory only, seeded from the environment (a browser has no OS keychain to reach). */
function environmentSecrets(env: NodeJS.ProcessEnv): SecretStore {
  const values = new Map<SecretName, string>();
  if (env.OPENAI_API_KEY) values.set('llm.apiKey', env.OPENAI_API_KEY);
  if (env.HF_TOKEN) values.set('huggingface.token', env.HF_TOKEN);
  return {
    kind: 'memory',
    get: (name) => values.get(name),
    set: (name, value) => void (value === null ? values.delete(name) : values.set(name, value)),
  };
}

/** Settings that start from a config file and live until the process ends. */
function configFileSettings(initial: Settings): SettingsStore {
  let current = initial;
  return {
    get: () => current,
    update: (patch) => (current = applySettingsPatch(current, patch)),
    warnings: ['Settings come from --config: changes made in the app last until `hugginggpt serve` stops.'],
  };
}

/**
 * Uses OPENAI_BASE_URL and HF_ENDPOINT while the saved settings still have the default LLM and Hub
 * addresses (as the CLI does).
 */
function withEnvironmentBaseUrl(store: SettingsStore, env: NodeJS.ProcessEnv): SettingsStore {
  const llmUrl = env.OPENAI_BASE_URL;
  const hubUrl = env.HF_ENDPOINT;
  if (!llmUrl && !hubUrl) return store;
  const defaults = defaultSettings();
  const overlay = (s: Settings): Settings => ({
    ...s,
    llm: llmUrl && s.llm.baseURL === defaults.llm.baseURL ? { ...s.llm, baseURL: llmUrl } : s.llm,
    huggingface: hubUrl && s.huggingface.hubUrl === defaults.huggingface.hubUrl ? { ...s.huggingface, hubUrl } : s.huggingface,
  });
  return { get: () => overlay(store.get()), update: (patch) => overlay(store.update(patch)), warnings: store.warnings };
}

/**
 * Opens the settings `serve` works with.
 * @example openSettingsStore({ dataDir, env: process.env, initial: configPath ? settings : undefined })
 */
export function openSettingsStore(options: { dataDir: string; env: NodeJS.ProcessEnv; initial?: Settings }): SettingsStore {
  if (options.initial) return configFileSettings(options.initial);
  const saved = createFileSettingsStore({
    dataDir: options.dataDir,
    openFile: ({ cwd, name }) => new Conf<Record<string, unknown>>({ cwd, configName: name, clearInvalidConfig: false }),
    secrets: environmentSecrets(options.env),
  });
  return withEnvironmentBaseUrl(saved, options.env);
}
