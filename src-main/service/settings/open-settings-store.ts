// Settings for `hugginggpt serve`: the data folder's settings.json (secrets from the environment, in memory),
// or, with --config, the given file's settings kept in memory.
import Conf from 'conf';
import type { Settings } from '../../../src-shared/settings';
import { applyEnvironment } from './environment';
import { applySettingsPatch, type SecretName, type SecretStore, type SettingsStore } from './settings-store';
import { createFileSettingsStore, type FileSettingsStoreOptions } from './settings-file-store';

/** Secrets held in memory only (a browser has no OS keychain to reach); the environment fills the rest. */
function memorySecrets(): SecretStore {
  const values = new Map<SecretName, string>();
  return {
    kind: 'memory',
    get: (name) => values.get(name),
    set: (name, value) => void (value === null ? values.delete(name) : values.set(name, value)),
  };
}

/** Settings that start from a config file and live until the process ends; `notices`: what reading the file changed. */
function configFileSettings(initial: Settings, notices: readonly string[] = []): SettingsStore {
  let current = initial;
  return {
    get: () => current,
    update: (patch) => (current = applySettingsPatch(current, patch)),
    warnings: [...notices, 'Settings come from --config: changes made in the app last until `hugginggpt serve` stops.'],
    loadNotices: notices,
  };
}

/**
 * The store with the environment filling what its settings leave unset, as the CLI reads them. The environment's
 * key and token were given for the addresses of launch time: once a change moves an address, they no longer apply
 * (the secret must be entered for the new address), so a client allowed to change settings cannot redirect them.
 */
function withEnvironment(store: SettingsStore, env: NodeJS.ProcessEnv): SettingsStore {
  // Addresses as the environment completes them: a form sending back the address it was shown has not moved it.
  const launched = applyEnvironment(store.get(), env);
  const boundEnv = (stored: Settings): NodeJS.ProcessEnv => {
    const s = applyEnvironment(stored, env);
    const llmMoved = s.llm.baseURL !== launched.llm.baseURL;
    const hfMoved = s.huggingface.hubUrl !== launched.huggingface.hubUrl || s.huggingface.routerUrl !== launched.huggingface.routerUrl;
    return { ...env, ...(llmMoved ? { OPENAI_API_KEY: undefined } : {}), ...(hfMoved ? { HF_TOKEN: undefined } : {}) };
  };
  const filled = (s: Settings) => applyEnvironment(s, boundEnv(s));
  return { get: () => filled(store.get()), update: (patch) => filled(store.update(patch)), get warnings() { return store.warnings; }, loadNotices: store.loadNotices };
}

/**
 * Opens the settings `serve` works with.
 * The one way settings are opened, by the CLI, `serve` and the desktop app (which passes electron-store and
 * the OS keychain): same file, same migrations, same environment fallbacks.
 * @example openSettingsStore({ dataDir, env: process.env, initial: configPath ? settings : undefined })
 */
export function openSettingsStore(options: {
  dataDir: string;
  env: NodeJS.ProcessEnv;
  /** Settings from --config, kept in memory instead of the data folder's file. */
  initial?: Settings;
  /** What migrating the --config file changed or dropped, for the user. */
  initialNotices?: readonly string[];
  /** Opens settings.json: electron-store in the app, conf elsewhere. */
  openFile?: FileSettingsStoreOptions['openFile'];
  /** Where secrets live: the OS keychain in the app, memory elsewhere. */
  secrets?: SecretStore;
}): SettingsStore {
  if (options.initial) return configFileSettings(options.initial, options.initialNotices);
  const saved = createFileSettingsStore({
    dataDir: options.dataDir,
    openFile: options.openFile ?? (({ cwd, name }) => new Conf<Record<string, unknown>>({ cwd, configName: name, clearInvalidConfig: false })),
    secrets: options.secrets ?? memorySecrets(),
  });
  return withEnvironment(saved, options.env);
}
