// Settings for `hugginggpt serve`: the data folder's settings.json (secrets from the environment, in memory),
// or, with --config, the given file's settings kept in memory.
import Conf from 'conf';
import type { SettingsPatch } from '../../src-shared/contract';
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

/** Uses OPENAI_BASE_URL while the saved settings still have the default LLM address (as the CLI does). */
function withEnvironmentBaseUrl(store: SettingsStore, env: NodeJS.ProcessEnv): SettingsStore {
  const fallback = env.OPENAI_BASE_URL;
  if (!fallback) return store;
  const overlay = (s: Settings): Settings => (s.llm.baseURL === defaultSettings().llm.baseURL ? { ...s, llm: { ...s.llm, baseURL: fallback } } : s);
  // A form that sends back the address it was shown (the environment's) has not moved the key elsewhere.
  const unchangedAddress = (patch: SettingsPatch): SettingsPatch => {
    if (patch?.llm?.baseURL !== fallback || store.get().llm.baseURL !== defaultSettings().llm.baseURL) return patch;
    const { baseURL: _shown, ...llm } = patch.llm;
    return { ...patch, llm };
  };
  return { get: () => overlay(store.get()), update: (patch) => overlay(store.update(unchangedAddress(patch))), warnings: store.warnings };
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
