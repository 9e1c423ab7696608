// Loads the settings view and saves patches through the typed client, keeping the last error for the panel.
import { messageOf } from '../../src-shared/contract-error';
import { useCallback, useEffect, useState } from 'react';
import type { SettingsPatch } from '../../src-shared/contract';
import type { SettingsView } from '../../src-shared/settings';
import { useController } from '../app/studio-context';

/** The settings as the panel sees them, and how to change them. */
export interface SettingsState {
  view: SettingsView | undefined;
  /** Why loading failed, if it did. */
  loadError: string | undefined;
  /** Saves a patch; resolves to the error message (naming the field) or undefined on success. */
  save(patch: SettingsPatch): Promise<string | undefined>;
}

/** The settings hook of the panel. */
export function useSettings(): SettingsState {
  const [view, setView] = useState<SettingsView>();
  const [loadError, setLoadError] = useState<string>();
  const { client } = useController();

  useEffect(() => {
    let live = true;
    client.invoke('settings.get', undefined).then(
      (v) => live && setView(v),
      (error: unknown) => live && setLoadError(messageOf(error)),
    );
    return () => {
      live = false;
    };
  }, [client]);

  const save = useCallback(async (patch: SettingsPatch) => {
    try {
      setView(await client.invoke('settings.update', patch));
      return undefined;
    } catch (error) {
      return messageOf(error);
    }
  }, [client]);

  return { view, loadError, save };
}

export { messageOf };
