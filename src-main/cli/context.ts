// What every command gets: I/O, the data folder, and settings loaded on demand.
import { resolve } from 'node:path';
import type { Settings } from '../../src-shared/settings';
import { ConfigError } from '../service/settings/config-error';
import { defaultDataDir, openCliSettings } from '../service/settings/config-file';
import type { SettingsStore } from '../service/settings/settings-store';
import { UsageError, type ParsedArgs } from './args';
import type { CliIO } from './io';

/** The environment of one command invocation. */
export interface CliContext {
  io: CliIO;
  dataDir: string;
  /** Loads and validates the configuration; a bad one is a UsageError (exit 2). */
  settings(): Settings;
  /** The settings store `settings()` reads (opened once; what loading changed or dropped is printed on stderr). */
  settingsStore(): SettingsStore;
}

/** Builds the context from the common options `--config` and `--data-dir`. */
export function createContext(args: ParsedArgs, io: CliIO): CliContext {
  const dataDirOption = args.values['data-dir'];
  const dataDir = typeof dataDirOption === 'string' ? resolve(io.cwd, dataDirOption) : defaultDataDir(io.env);
  const configPath = typeof args.values.config === 'string' ? args.values.config : undefined;
  let store: SettingsStore | undefined;
  let cached: Settings | undefined;
  const settingsStore = (): SettingsStore => {
    if (store) return store;
    try {
      store = openCliSettings({ configPath, dataDir, env: io.env, cwd: io.cwd });
    } catch (error) {
      if (error instanceof ConfigError) throw new UsageError(error.message);
      throw error;
    }
    // A migrated or dropped value, a corrupt file kept aside: said once, never silently.
    for (const notice of store.loadNotices ?? []) io.err(`warning: ${notice}\n`);
    return store;
  };
  return {
    io,
    dataDir,
    settingsStore,
    settings: () => (cached ??= settingsStore().get()),
  };
}
