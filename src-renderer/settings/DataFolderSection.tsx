// Where the data folder is (settings, workflows, runs, resources); the desktop app can open it.
import { useState, type JSX } from 'react';
import type { StudioDesktopApi } from '../../src-shared/preload-api';
import { messageOf } from './use-settings';

/** The desktop-only part of the preload bridge, when this page runs in the app. */
function desktopApi(): Partial<StudioDesktopApi> | undefined {
  return (window as unknown as { studio?: Partial<StudioDesktopApi> }).studio;
}

/** The data folder section. */
export function DataFolderSection({ dataDir }: { dataDir: string | undefined }): JSX.Element {
  const [error, setError] = useState<string>();
  const openFolder = desktopApi()?.openDataFolder;
  return (
    <section aria-labelledby="settings-data">
      <h3 id="settings-data">Data folder</h3>
      <p>
        <code aria-label="Data folder location">{dataDir ?? 'unknown'}</code>
      </p>
      {openFolder && (
        <button type="button" className="btn" onClick={() => openFolder().then(() => setError(undefined), (e: unknown) => setError(messageOf(e)))}>
          Open data folder
        </button>
      )}
      {error && <p role="alert">{error}</p>}
    </section>
  );
}
