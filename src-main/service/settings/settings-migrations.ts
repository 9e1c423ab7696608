// Numbered migrations of settings.json: pure functions, each taking version N's object to version N+1.
import { builtInEndpoint } from '../../../src-shared/built-in-models';
import { StudioError } from '../../../src-shared/contract-error';
import { migrateEndpointCredentials } from './endpoint-credentials-migration';
import { migrateEndpointUrl } from './endpoint-url-migration';
import { isPlainObject, type PlainObject } from './plain-object';

/** The version settings.json is written in. */
export const SETTINGS_VERSION = 5;

/** One step forward in the settings file format. */
export interface SettingsMigration {
  from: number;
  to: number;
  /** What changed, for the record. */
  description: string;
  /** Version N's object as version N+1; `note` tells the user of a value it moved or could not keep. */
  migrate(raw: Record<string, unknown>, note: (message: string) => void): Record<string, unknown>;
}


/**
 * Version 1 (the first format, after HuggingGPT's own config.yaml): `openai: { api_base, api_key, model }`,
 * `local_endpoints: [...]` and `huggingface.inference_mode`. Version 2 names them as SettingsSchema does:
 * `llm: { baseURL, apiKey, model }`, `endpoints`, `execution.mode`.
 */
export function migrateV1ToV2(raw: PlainObject): PlainObject {
  const { openai, local_endpoints: localEndpoints, ...rest } = raw;
  const next: PlainObject = { ...rest };
  if (isPlainObject(openai)) {
    const { api_base: apiBase, api_key: apiKey, ...llm } = openai;
    const renamed: PlainObject = { ...llm };
    if (apiBase !== undefined) renamed.baseURL = apiBase;
    if (apiKey !== undefined) renamed.apiKey = apiKey;
    next.llm = { ...renamed, ...(isPlainObject(rest.llm) ? rest.llm : {}) };
  }
  if (localEndpoints !== undefined && rest.endpoints === undefined) next.endpoints = localEndpoints;
  if (isPlainObject(rest.huggingface) && 'inference_mode' in rest.huggingface) {
    const { inference_mode: mode, ...huggingface } = rest.huggingface;
    next.huggingface = huggingface;
    const execution = isPlainObject(rest.execution) ? rest.execution : {};
    next.execution = { mode, ...execution };
  }
  return next;
}

/**
 * Version 3 names each endpoint's protocol and has the built-in runtime: saved endpoints (all of them spoke
 * the Hugging Face wire format) get `protocol: "hf"`, and the built-in endpoint with its curated models is
 * added unless one is there (named `built-in`, or `built-in-2`... when that name is taken).
 */
export function migrateV2ToV3(raw: PlainObject): PlainObject {
  if (!Array.isArray(raw.endpoints)) return raw;
  const endpoints = raw.endpoints.map((e: unknown) => (isPlainObject(e) && e.protocol === undefined ? { ...e, protocol: 'hf' } : e));
  if (!endpoints.some((e) => isPlainObject(e) && e.protocol === 'transformers.js')) {
    const names = new Set(endpoints.map((e) => (isPlainObject(e) ? e.name : undefined)));
    const builtIn = builtInEndpoint();
    let name = builtIn.name;
    for (let n = 2; names.has(name); n++) name = `${builtIn.name}-${n}`;
    endpoints.push({ ...builtIn, name });
  }
  return { ...raw, endpoints };
}

/** Every migration, in order; `from` of each is the `to` of the one before. */
export const SETTINGS_MIGRATIONS: readonly SettingsMigration[] = [
  { from: 1, to: 2, description: 'openai -> llm, local_endpoints -> endpoints, huggingface.inference_mode -> execution.mode', migrate: migrateV1ToV2 },
  { from: 2, to: 3, description: 'endpoints[].protocol ("hf" for saved ones) and the built-in runtime endpoint', migrate: migrateV2ToV3 },
  { from: 3, to: 4, description: 'huggingface.endpointUrl (removed) -> huggingface.routerUrl when it was the router\'s hf-inference route, else dropped with a note', migrate: migrateEndpointUrl },
  { from: 4, to: 5, description: 'credentials in endpoint addresses (user:password@) -> endpoints[].authorization ("Basic ..."), a secret', migrate: migrateEndpointCredentials },
];

/** The outcome of bringing a settings file up to date. */
export interface MigratedSettings {
  /** The settings object at SETTINGS_VERSION, without the `version` key. */
  data: PlainObject;
  /** The version the file was in (a file without `version` counts as version 1). */
  fromVersion: number;
  /** What the migrations moved or could not keep, one sentence each, for the user. */
  notes: string[];
}

/**
 * Brings a parsed settings.json up to SETTINGS_VERSION; throws a StudioError (kind `corrupt-settings` or
 * `newer-settings`) when it cannot.
 * @example migrateSettings({ version: 1, openai: { api_base: 'http://127.0.0.1:11434/v1' } }).data.llm
 */
export function migrateSettings(raw: unknown, migrations: readonly SettingsMigration[] = SETTINGS_MIGRATIONS, target = SETTINGS_VERSION): MigratedSettings {
  if (!isPlainObject(raw)) throw new StudioError('corrupt-settings', 'settings.json does not hold a JSON object');
  const { version = 1, ...rest } = raw;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new StudioError('corrupt-settings', `settings.json has an invalid version: ${JSON.stringify(version)}`);
  }
  if (version > target) {
    throw new StudioError('newer-settings', `settings.json was written by a newer version of the app (format ${version}; this one reads up to ${target})`);
  }
  let data: PlainObject = rest;
  const notes: string[] = [];
  for (let at = version; at < target; at++) {
    const step = migrations.find((m) => m.from === at);
    if (!step || step.to !== at + 1) throw new StudioError('corrupt-settings', `no migration from settings format ${at}`);
    data = step.migrate(data, (message) => notes.push(message));
  }
  return { data, fromVersion: version, notes };
}
