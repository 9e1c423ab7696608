// Loads configuration for the CLI: a JSON file (or the data folder's settings.json), then environment fallbacks.
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { describeZodError, SettingsSchema, type Settings } from '../../../src-shared/settings';
import { applyEnvironment } from './environment';
import { openSettingsStore } from './open-settings-store';
import { migrateSettings, type MigratedSettings } from './settings-migrations';
import { unknownSettingsNotice, type SettingsStore } from './settings-store';
import { ConfigError } from './config-error';

/** The default data folder: the desktop app's userData, so the CLI and the app share workflows and runs. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.HUGGINGGPT_DATA_DIR) return resolve(env.HUGGINGGPT_DATA_DIR);
  const home = homedir();
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'hugginggpt-studio');
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'hugginggpt-studio');
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'hugginggpt-studio');
}

/** Parses JSON text, naming the file and position on failure. */
function parseJsonFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(`cannot read config file ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`config file ${path} is not valid JSON: ${(error as Error).message}`);
  }
}

/**
 * Opens the settings a command works with: `configPath` read through the same migrations and schema as
 * settings.json (kept in memory), or the data folder's settings.json through the same store `serve` and the app
 * use. Either way the environment fills what the settings leave unset (applyEnvironment); `loadNotices` says what
 * reading them changed or dropped.
 * @example openCliSettings({ configPath: 'hgs.json', dataDir, env: process.env }).get()
 */
export function openCliSettings(options: { configPath?: string; dataDir: string; env: NodeJS.ProcessEnv; cwd?: string }): SettingsStore {
  if (!options.configPath) return openSettingsStore({ dataDir: options.dataDir, env: options.env });
  const path = resolve(options.cwd ?? process.cwd(), options.configPath);
  const raw = parseJsonFile(path);
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new ConfigError('config must be a JSON object');
  let migrated: MigratedSettings;
  try {
    migrated = migrateSettings(raw);
  } catch (error) {
    throw new ConfigError(`config file ${path}: ${(error as Error).message}`);
  }
  const parsed = SettingsSchema.safeParse(migrated.data);
  if (!parsed.success) throw new ConfigError(`invalid config: ${describeZodError(parsed.error)}`);
  const unknown = unknownSettingsNotice(`config file ${basename(path)}`, migrated.data, false);
  const notices = [...migrated.notes.map((note) => `config file ${basename(path)}: ${note}`), ...(unknown ? [unknown] : [])];
  return openSettingsStore({ dataDir: options.dataDir, env: options.env, initial: applyEnvironment(parsed.data, options.env), initialNotices: notices });
}

/** The settings a command works with (openCliSettings, without its notices). */
export function loadSettings(options: { configPath?: string; dataDir: string; env: NodeJS.ProcessEnv; cwd?: string }): Settings {
  return openCliSettings(options).get();
}
