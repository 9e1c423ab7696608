// What every command gets: I/O, the data folder, and settings loaded on demand.
import { resolve } from 'node:path';
import type { Settings } from '../../src-shared/settings';
import { ConfigError, defaultDataDir, loadSettings } from '../service/settings/config-file';
import { UsageError, type ParsedArgs } from './args';
import type { CliIO } from './io';

/** The environment of one command invocation. */
export interface CliContext {
  io: CliIO;
  dataDir: string;
  /** Loads and validates the configuration; a bad one is a UsageError (exit 2). */
  settings(): Settings;
}

/** Builds the context from the common options `--config` and `--data-dir`. */
export function createContext(args: ParsedArgs, io: CliIO): CliContext {
  const dataDirOption = args.values['data-dir'];
  const dataDir = typeof dataDirOption === 'string' ? resolve(io.cwd, dataDirOption) : defaultDataDir(io.env);
  const configPath = typeof args.values.config === 'string' ? args.values.config : undefined;
  let cached: Settings | undefined;
  return {
    io,
    dataDir,
    settings() {
      if (cached) return cached;
      try {
        cached = loadSettings({ configPath, dataDir, env: io.env, cwd: io.cwd });
        return cached;
      } catch (error) {
        if (error instanceof ConfigError) throw new UsageError(error.message);
        throw error;
      }
    },
  };
}
