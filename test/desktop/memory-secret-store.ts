// An in-memory SecretStore for tests (the app's one encrypts with Electron's safeStorage).
import type { SecretName, SecretStore } from '../../src-main/service/settings/settings-store';

/** A SecretStore holding secrets in a Map; `kind` is settable so tests can see the warnings it causes. */
export function createMemorySecretStore(kind: SecretStore['kind'] = 'keychain'): SecretStore & { values: Map<SecretName, string> } {
  const values = new Map<SecretName, string>();
  return {
    kind,
    values,
    get: (name) => values.get(name),
    set(name, value) {
      if (value === null) values.delete(name);
      else values.set(name, value);
    },
  };
}
