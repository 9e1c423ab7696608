// Where settings live: the SettingsStore and SecretStore interfaces, and how a SettingsPatch applies to settings.
import type { SettingsPatch } from '../../../src-shared/contract';
import { describeZodError, SettingsSchema, type Settings } from '../../../src-shared/settings';
import { StudioError } from '../../../src-shared/contract-error';
import { isPlainObject } from './plain-object';
import { decodeAuthorization, encodeAuthorization, endpointOfSecret, endpointSecretName, withSavedAuthorizations } from './endpoint-secrets';

/** The app's settings, persisted; secrets are kept apart in a SecretStore. */
export interface SettingsStore {
  /** The current settings, secrets included (never send them to the renderer as they are). */
  get(): Settings;
  /** Applies a patch, validates and saves it; throws a StudioError (kind `invalid-settings`) and saves nothing when invalid. */
  update(patch: SettingsPatch): Settings;
  /** Problems found while loading (a corrupt file kept aside, no OS keyring, ...), for the user. */
  readonly warnings: string[];
  /**
   * What loading changed in, or could not keep from, the saved settings (a value migrated or dropped, a corrupt
   * file kept aside, a secret moved out of the file): also in `warnings`; the CLI prints these on stderr.
   */
  readonly loadNotices?: readonly string[];
}

/** The names of the secrets the app keeps: the LLM's key, the Hugging Face token, each endpoint's authorization. */
export type SecretName = 'llm.apiKey' | 'huggingface.token' | ReturnType<typeof endpointSecretName>;

/** Secrets (API key, token, endpoint credentials) kept outside settings.json: the OS keychain in the app, memory in tests. */
export interface SecretStore {
  get(name: SecretName): string | undefined;
  /** Sets a secret, or clears it with `null`. */
  set(name: SecretName, value: string | null): void;
  /** `keychain`: encrypted by the OS; `plain`: on disk without a real keyring; `memory`: not kept after exit. */
  readonly kind: 'keychain' | 'plain' | 'memory';
  /** Problems found while loading the secrets file, for the user. */
  readonly warnings?: readonly string[];
}

/** Settings sections merged key by key by a patch (endpoints are replaced as a whole). */
const MERGED_SECTIONS = ['llm', 'huggingface', 'execution', 'selection'] as const;

/** The keys a section of SettingsSchema knows, read from the schema itself. */
function knownKeys(section?: (typeof MERGED_SECTIONS)[number]): string[] {
  if (!section) return Object.keys(SettingsSchema.shape);
  const wrapped = SettingsSchema.shape[section] as unknown as { unwrap(): { shape: Record<string, unknown> } };
  return Object.keys(wrapped.unwrap().shape);
}

const invalid = (detail: string): StudioError => new StudioError('invalid-settings', `Settings not saved: ${detail}`);

/** The keys of `raw` (top level and the merged sections) that SettingsSchema does not know, as `section.key`. */
export function unknownSettingKeys(raw: Record<string, unknown>): string[] {
  const top = knownKeys();
  const unknown = Object.keys(raw).filter((key) => !top.includes(key));
  for (const section of MERGED_SECTIONS) {
    const value = raw[section];
    if (!isPlainObject(value)) continue;
    const keys = knownKeys(section);
    unknown.push(...Object.keys(value).filter((key) => !keys.includes(key)).map((key) => `${section}.${key}`));
  }
  return unknown;
}

/** The notice for settings a file holds that this version does not know (they are ignored, never silently). */
export function unknownSettingsNotice(fileName: string, raw: Record<string, unknown>, droppedOnSave: boolean): string | undefined {
  const keys = unknownSettingKeys(raw);
  if (keys.length === 0) return undefined;
  const what = keys.length === 1 ? `${keys[0]} is not a setting` : `${keys.join(', ')} are not settings`;
  return `${fileName}: ${what} of this version: ignored${droppedOnSave ? ' (and left out of the file at the next save)' : ''}.`;
}

/** Refuses keys the schema does not know, naming them (a typo would otherwise be dropped silently). */
function checkKnownKeys(patch: Record<string, unknown>): void {
  for (const section of MERGED_SECTIONS) {
    if (patch[section] !== undefined && !isPlainObject(patch[section])) throw invalid(`${section}: expected an object`);
  }
  const [unknown] = unknownSettingKeys(patch);
  if (unknown !== undefined) throw invalid(`${unknown}: unknown setting`);
}

/** Merges one section: `undefined` keeps a value, `null` clears it (secrets), anything else replaces it. */
function mergeSection(current: Record<string, unknown>, patch: Record<string, unknown>, clearable: string): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    if (value === null && key === clearable) delete merged[key];
    else merged[key] = value;
  }
  return merged;
}

/**
 * Applies a patch to settings and validates the result; throws a StudioError naming the field when invalid.
 * @example applySettingsPatch(current, { llm: { apiKey: null }, execution: { maxParallel: 8 } })
 */
export function applySettingsPatch(current: Settings, patch: SettingsPatch): Settings {
  if (!isPlainObject(patch)) throw invalid('the change must be an object');
  checkKnownKeys(patch);
  const next: Record<string, unknown> = { ...current };
  const clearable: Record<string, string> = { llm: 'apiKey', huggingface: 'token' };
  for (const section of MERGED_SECTIONS) {
    const value = patch[section];
    if (value !== undefined) next[section] = mergeSection(current[section], value as Record<string, unknown>, clearable[section] ?? '');
  }
  if (patch.endpoints !== undefined) next.endpoints = Array.isArray(patch.endpoints) ? withSavedAuthorizations(current.endpoints, patch.endpoints) : patch.endpoints;
  const parsed = SettingsSchema.safeParse(next);
  if (!parsed.success) throw invalid(describeZodError(parsed.error));
  return unbindMovedSecrets(current, parsed.data, patch);
}

/** The addresses each secret was given for: changing one of them moves the secret's destination. */
const SECRET_ADDRESSES = { llm: { secret: 'apiKey', addresses: ['baseURL'] }, huggingface: { secret: 'token', addresses: ['hubUrl', 'routerUrl'] } } as const;

/**
 * A secret is bound to the address it was given for: a patch that changes that address without giving the secret
 * again drops it (it must be entered again), so a client that may change settings cannot send it to a server
 * of its choice.
 */
function unbindMovedSecrets(before: Settings, after: Settings, patch: SettingsPatch): Settings {
  let result = after;
  for (const [section, { secret, addresses }] of Object.entries(SECRET_ADDRESSES) as [keyof typeof SECRET_ADDRESSES, (typeof SECRET_ADDRESSES)[keyof typeof SECRET_ADDRESSES]][]) {
    const given = (patch[section] as Record<string, unknown> | undefined)?.[secret];
    const old = before[section] as Record<string, unknown>;
    const now = result[section] as Record<string, unknown>;
    const moved = addresses.some((key) => now[key] !== old[key]);
    if (moved && typeof given !== 'string' && now[secret] !== undefined) {
      const { [secret]: _dropped, ...kept } = now;
      result = { ...result, [section]: kept };
    }
  }
  return result;
}

/** Settings with their secrets taken out, and the secrets by name: what settings.json and the SecretStore hold. */
export function splitSecrets(settings: Settings): { rest: Settings; secrets: Partial<Record<SecretName, string>> } {
  const { apiKey, ...llm } = settings.llm;
  const { token, ...huggingface } = settings.huggingface;
  const secrets: Partial<Record<SecretName, string>> = { 'llm.apiKey': apiKey, 'huggingface.token': token };
  const endpoints = settings.endpoints.map((endpoint) => {
    const { authorization: _secret, ...rest } = endpoint;
    const stored = encodeAuthorization(endpoint);
    if (stored) secrets[endpointSecretName(endpoint.name)] = stored;
    return rest;
  });
  return { rest: { ...settings, llm, huggingface, endpoints }, secrets };
}

/** Settings with the secrets put back in (an endpoint's only where its addresses are those it was given for). */
export function joinSecrets(settings: Settings, secrets: SecretStore): Settings {
  const apiKey = secrets.get('llm.apiKey');
  const token = secrets.get('huggingface.token');
  return {
    ...settings,
    llm: { ...settings.llm, ...(apiKey ? { apiKey } : {}) },
    huggingface: { ...settings.huggingface, ...(token ? { token } : {}) },
    endpoints: settings.endpoints.map((endpoint) => {
      const authorization = decodeAuthorization(secrets.get(endpointSecretName(endpoint.name)), endpoint);
      return authorization ? { ...endpoint, authorization } : endpoint;
    }),
  };
}

/** What a secret is, for messages to the user. */
export function secretLabel(name: SecretName): string {
  const endpoint = endpointOfSecret(name);
  if (endpoint !== undefined) return `authorization of endpoint "${endpoint}"`;
  return name === 'llm.apiKey' ? 'LLM API key' : 'Hugging Face token';
}

/** The warning a SecretStore's kind calls for, if any. */
export function secretStoreWarning(kind: SecretStore['kind']): string | undefined {
  if (kind === 'plain') {
    return 'No OS keyring is available: the API key, token and endpoint credentials are saved in secrets.json without real encryption. Install or unlock a keyring (GNOME Keyring, KWallet) to protect them.';
  }
  if (kind === 'memory') return 'Secrets cannot be encrypted on this system: the API key, token and endpoint credentials are kept only until the app quits.';
  return undefined;
}
