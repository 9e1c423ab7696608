// A SecretStore over <dataDir>/secrets.json holding each secret encrypted (base64), written atomically.
// No electron import: the app passes safeStorage as the cipher; tests pass their own.
import { existsSync, readFileSync, renameSync } from 'node:fs';
import { basename } from 'node:path';
import type { SecretName, SecretStore } from '../service/settings/settings-store';
import { writeFileAtomicSync } from '../platform/atomic-file';

/** Encrypts and decrypts strings (Electron's safeStorage has exactly this shape). */
export interface StringCipher {
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

/** What createSecretFileStore needs; without a cipher, secrets are kept in memory only. */
export interface SecretFileOptions {
  path: string;
  cipher?: StringCipher;
  /** `keychain` when the cipher is backed by a real OS keyring, `plain` otherwise. */
  kind: 'keychain' | 'plain';
  now?: () => Date;
}

const FILE_VERSION = 1;

/**
 * A SecretStore saving encrypted secrets in one JSON file; an unreadable file is kept aside and reported.
 * @example createSecretFileStore({ path: join(dataDir, 'secrets.json'), cipher: safeStorage, kind: 'keychain' })
 */
export function createSecretFileStore(options: SecretFileOptions): SecretStore {
  const warnings: string[] = [];
  const values = new Map<SecretName, string>();
  const { cipher, path } = options;

  if (cipher && existsSync(path)) {
    try {
      const raw = JSON.parse(readFileSync(path, 'utf8')) as { version?: unknown; secrets?: Record<string, unknown> };
      if (raw.version !== FILE_VERSION || typeof raw.secrets !== 'object' || raw.secrets === null) throw new Error('unexpected content');
      for (const [name, encrypted] of Object.entries(raw.secrets)) {
        if (typeof encrypted !== 'string') throw new Error(`${name} is not a string`);
        values.set(name as SecretName, cipher.decryptString(Buffer.from(encrypted, 'base64')));
      }
    } catch (error) {
      values.clear();
      const aside = `${path}.corrupt-${(options.now?.() ?? new Date()).toISOString().replace(/[:.]/g, '-')}`;
      renameSync(path, aside);
      warnings.push(`The saved API key and token could not be read (${(error as Error).message}). The file was kept as ${basename(aside)}; enter them again in Settings.`);
    }
  }

  const save = (): void => {
    if (!cipher) return;
    const secrets = Object.fromEntries([...values].map(([name, value]) => [name, cipher.encryptString(value).toString('base64')]));
    writeFileAtomicSync(path, JSON.stringify({ version: FILE_VERSION, secrets }), { mode: 0o600 });
  };

  return {
    kind: cipher ? options.kind : 'memory',
    warnings,
    get: (name) => values.get(name),
    set(name, value) {
      if (value === null) values.delete(name);
      else values.set(name, value);
      save();
    },
  };
}
