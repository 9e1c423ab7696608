// The SettingsStore over <dataDir>/settings.json (a conf / electron-store file): versioned, migrated, atomic,
// secrets kept in a SecretStore, and a corrupt file kept aside and reported instead of silently reset.
import { keepAsideSync } from '../../platform/atomic-file';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { redactCredentials } from '../../../src-shared/redact-credentials';
import { basename, join } from 'node:path';
import type { SettingsPatch } from '../../../src-shared/contract';
import { defaultSettings, describeZodError, SettingsSchema, type Settings } from '../../../src-shared/settings';
import { StudioError } from '../../../src-shared/contract-error';
import { migrateSettings, SETTINGS_VERSION } from './settings-migrations';
import {
  applySettingsPatch, joinSecrets, secretLabel, secretStoreWarning, splitSecrets, unknownSettingsNotice,
  type SecretName, type SecretStore, type SettingsStore,
} from './settings-store';

/** The part of a conf / electron-store instance this store uses (both write the whole object atomically). */
export interface ConfLike {
  readonly path: string;
  store: Record<string, unknown>;
}

/** What createFileSettingsStore needs. */
export interface FileSettingsStoreOptions {
  dataDir: string;
  /** Opens the key-value file `<cwd>/<name>.json`: electron-store in the app, conf in Node. */
  openFile: (opts: { cwd: string; name: string }) => ConfLike;
  secrets: SecretStore;
  /** The clock used to name a corrupt file kept aside. */
  now?: () => Date;
}

/** The file name settings are saved under in the data folder. */
export const SETTINGS_FILE_NAME = 'settings.json';

interface LoadedFile {
  settings: Settings;
  /** The file must be rewritten (migrated, or secrets to take out of it). */
  rewrite: boolean;
  warnings: string[];
}


/** Reads, migrates and validates settings.json; an unreadable file is kept aside and reported. */
function loadFile(path: string, now: () => Date): LoadedFile {
  if (!existsSync(path)) return { settings: defaultSettings(), rewrite: false, warnings: [] };
  let reason: string;
  try {
    const text = readFileSync(path, 'utf8');
    const { data, fromVersion, notes } = migrateSettings(JSON.parse(text));
    const parsed = SettingsSchema.safeParse(data);
    if (parsed.success) {
      const backup = `${path}.v${fromVersion}.bak`;
      // The copy keeps everything but passwords in addresses: those move to the secret store (format 5).
      if (fromVersion < SETTINGS_VERSION) writeFileSync(backup, redactCredentials(text), { mode: 0o600 });
      const kept = notes.map((n) => `${n} (The file as it was is kept as ${basename(backup)}.)`);
      const unknown = unknownSettingsNotice(SETTINGS_FILE_NAME, data, fromVersion === SETTINGS_VERSION);
      return { settings: parsed.data, rewrite: fromVersion < SETTINGS_VERSION, warnings: unknown ? [...kept, unknown] : kept };
    }
    reason = `invalid settings: ${describeZodError(parsed.error)}`;
  } catch (error) {
    if (error instanceof SyntaxError) reason = `not valid JSON: ${error.message}`;
    else if (error instanceof StudioError) reason = error.message;
    else throw error;
  }
  const aside = keepAsideSync(path, now());
  return {
    settings: defaultSettings(),
    rewrite: false,
    warnings: [`${SETTINGS_FILE_NAME} could not be used (${reason}). It was kept as ${basename(aside)} and the app started from default settings.`],
  };
}

/** The names of the secrets that have a value. */
const secretNames = (values: Partial<Record<SecretName, string>>): SecretName[] =>
  (Object.keys(values) as SecretName[]).filter((name) => Boolean(values[name]));

/** What settings.json holds: the version and every setting except the secrets. */
function toFileObject(settings: Settings): Record<string, unknown> {
  return JSON.parse(JSON.stringify({ version: SETTINGS_VERSION, ...splitSecrets(settings).rest }));
}

/**
 * A SettingsStore saving to `<dataDir>/settings.json`, with secrets in `options.secrets`.
 * @example createFileSettingsStore({ dataDir, openFile: ({ cwd, name }) => new Conf({ cwd, configName: name }), secrets })
 */
export function createFileSettingsStore(options: FileSettingsStoreOptions): SettingsStore {
  const { secrets } = options;
  const loaded = loadFile(join(options.dataDir, SETTINGS_FILE_NAME), options.now ?? (() => new Date()));
  const file = options.openFile({ cwd: options.dataDir, name: 'settings' });
  const notices = [...loaded.warnings];

  // Secrets found in the file (a hand-written or older file) move to the SecretStore and out of the file,
  // unless that store forgets them at exit (the CLI and `serve`): then the file keeps them.
  const found = splitSecrets(loaded.settings).secrets;
  const foundNames = secretNames(found);
  const keepsSecrets = secrets.kind !== 'memory';
  for (const name of foundNames) {
    secrets.set(name, found[name]!);
    if (keepsSecrets) notices.push(`The ${secretLabel(name)} found in ${SETTINGS_FILE_NAME} was moved to the app's secret store (the CLI reads it from the environment or --config).`);
  }
  if (loaded.rewrite || (keepsSecrets && foundNames.length > 0)) {
    // A migrated file written by a store that forgets secrets keeps the secrets it held.
    const rewritten = toFileObject(loaded.settings);
    file.store = keepsSecrets ? rewritten : JSON.parse(JSON.stringify(joinSecrets(rewritten as unknown as Settings, secrets)));
  }
  let current = joinSecrets(splitSecrets(loaded.settings).rest, secrets);

  return {
    get: () => structuredClone(current),
    update(patch: SettingsPatch): Settings {
      const next = applySettingsPatch(current, patch);
      file.store = toFileObject(next);
      const before = splitSecrets(current).secrets;
      const after = splitSecrets(next).secrets;
      // A removed or renamed endpoint's secret goes too.
      for (const name of new Set([...secretNames(before), ...secretNames(after)])) {
        if (before[name] !== after[name]) secrets.set(name, after[name] ?? null);
      }
      current = next;
      return structuredClone(current);
    },
    get warnings(): string[] {
      const fromSecrets = [...(secrets.warnings ?? []), secretStoreWarning(secrets.kind)].filter((w): w is string => Boolean(w));
      return [...notices, ...fromSecrets];
    },
    loadNotices: notices,
  };
}
