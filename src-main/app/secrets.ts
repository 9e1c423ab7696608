// The app's SecretStore: secrets encrypted with Electron's safeStorage (the OS keychain) in <dataDir>/secrets.json.
import { join } from 'node:path';
import { safeStorage } from 'electron';
import type { SecretStore } from '../service/settings/settings-store';
import { createSecretFileStore } from './secret-file';

/**
 * Opens the secrets file (call after app `ready`: safeStorage is not usable before). Linux without a keyring
 * (`basic_text`) is `plain`; no encryption at all keeps secrets in memory; both are reported as warnings.
 * @example const secrets = openSafeStorageSecrets(app.getPath('userData'))
 */
export function openSafeStorageSecrets(dataDir: string): SecretStore {
  const path = join(dataDir, 'secrets.json');
  if (!safeStorage.isEncryptionAvailable()) return createSecretFileStore({ path, kind: 'plain' });
  const basicText = process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text';
  return createSecretFileStore({ path, cipher: safeStorage, kind: basicText ? 'plain' : 'keychain' });
}
