// Opens settings.json through electron-store (conf underneath: atomic writes) for the file settings store.
import Store from 'electron-store';
import type { ConfLike } from '../service/settings/settings-file-store';

/** Opens `<cwd>/<name>.json`; a file that is not valid JSON throws (it has been kept aside before this runs). */
export function openElectronStoreFile(options: { cwd: string; name: string }): ConfLike {
  return new Store<Record<string, unknown>>({ cwd: options.cwd, name: options.name, clearInvalidConfig: false });
}
