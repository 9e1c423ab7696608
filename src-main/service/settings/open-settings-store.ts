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

/** Settings that start from a config file and live until the process ends. */
function configFileSettings(initial: Settings): SettingsStore {
  let current = initial;
  return {
    get: () => current,
    update: (patch) => (current = applySettingsPatch(current, patch)),
    warnings: ['Settings come from --config: changes made in the app last until `hugginggpt serve` stops.'],
  };
}

/** The store with the environment filling what its settings leave unset, as the CLI reads them. */
function withEnvironment(store: SettingsStore, env: NodeJS.ProcessEnv): SettingsStore {
  return { get: () => applyEnvironment(store.get(), env), update: (patch) => applyEnvironment(store.update(patch), env), get warnings() { return store.warnings; } };
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
  /** Opens settings.json: electron-store in the app, conf elsewhere. */
  openFile?: FileSettingsStoreOptions['openFile'];
  /** Where secrets live: the OS keychain in the app, memory elsewhere. */
  secrets?: SecretStore;
}): SettingsStore {
  if (options.initial) return configFileSettings(options.initial);
  const saved = createFileSettingsStore({
    dataDir: options.dataDir,
    openFile: options.openFile ?? (({ cwd, name }) => new Conf<Record<string, unknown>>({ cwd, configName: name, clearInvalidConfig: false })),
    secrets: options.secrets ?? memorySecrets(),
  });
  return withEnvironment(saved, options.env);
}
