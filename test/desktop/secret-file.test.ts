import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSecretFileStore, type StringCipher } from '../../src-main/app/secret-file';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hgs-secrets-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A reversible cipher standing in for safeStorage (XOR with a key, so plain text never shows in the file). */
const cipher: StringCipher = {
  encryptString: (plain) => Buffer.from([...Buffer.from(plain, 'utf8')].map((b) => b ^ 0x5a)),
  decryptString: (encrypted) => Buffer.from([...encrypted].map((b) => b ^ 0x5a)).toString('utf8'),
};

describe('secrets file (safeStorage-backed SecretStore)', () => {
  it('keeps secrets encrypted on disk and reads them back', () => {
    const path = join(dir, 'secrets.json');
    const store = createSecretFileStore({ path, cipher, kind: 'keychain' });
    store.set('llm.apiKey', 'sk-very-secret');
    store.set('huggingface.token', 'hf_also_secret');
    const text = readFileSync(path, 'utf8');
    expect(text).not.toMatch(/very-secret|also_secret/);
    expect(JSON.parse(text).version).toBe(1);
    const again = createSecretFileStore({ path, cipher, kind: 'keychain' });
    expect(again.get('llm.apiKey')).toBe('sk-very-secret');
    expect(again.kind).toBe('keychain');
    again.set('llm.apiKey', null);
    expect(createSecretFileStore({ path, cipher, kind: 'keychain' }).get('llm.apiKey')).toBeUndefined();
    expect(readdirSync(dir)).toEqual(['secrets.json']);
  });

  it('keeps an unreadable file aside and reports it', () => {
    const path = join(dir, 'secrets.json');
    writeFileSync(path, 'garbage');
    const store = createSecretFileStore({ path, cipher, kind: 'keychain' });
    expect(store.get('llm.apiKey')).toBeUndefined();
    const aside = readdirSync(dir).find((f) => f.startsWith('secrets.json.corrupt-'));
    expect(aside).toBeDefined();
    expect(store.warnings).toEqual([expect.stringContaining(aside!)]);
  });

  it('keeps secrets in memory only when nothing can encrypt them', () => {
    const path = join(dir, 'secrets.json');
    const store = createSecretFileStore({ path, kind: 'plain' });
    store.set('llm.apiKey', 'sk-1');
    expect(store.get('llm.apiKey')).toBe('sk-1');
    expect(store.kind).toBe('memory');
    expect(readdirSync(dir)).toEqual([]);
  });
});
