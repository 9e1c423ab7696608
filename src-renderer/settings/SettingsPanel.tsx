// Mount point of the settings panel: for now a read-only view of `settings.get` (a later change adds editing).
import { useEffect, useState } from 'react';
import type { SettingsView } from '../../src-shared/settings';
import { useController } from '../app/studio-context';

/** The settings dialog. */
export function SettingsPanel({ onClose }: { onClose: () => void }) {
  const { client } = useController();
  const [settings, setSettings] = useState<SettingsView>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    let live = true;
    client.invoke('settings.get', undefined).then(
      (s) => live && setSettings(s),
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => { live = false; };
  }, [client]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  return (
    <div className="modal-backdrop" onClick={onClose}>
      <div className="modal" role="dialog" aria-modal="true" aria-labelledby="settings-title" onClick={(e) => e.stopPropagation()}>
        <div className="inspector-row">
          <h2 id="settings-title" className="panel-title">Settings</h2>
          <span className="spacer" />
          <button type="button" className="btn" onClick={onClose}>Close</button>
        </div>
        {error && <p className="error-text" role="alert">Could not load settings: {error}</p>}
        {!settings && !error && <p className="hint">Loading…</p>}
        {settings && (
          <dl className="settings-list">
            <dt>LLM model</dt><dd>{settings.llm.model}</dd>
            <dt>LLM base URL</dt><dd>{settings.llm.baseURL}</dd>
            <dt>LLM API key</dt><dd>{settings.llm.apiKeySet ? 'set' : 'not set'}</dd>
            <dt>Hugging Face</dt><dd>{settings.huggingface.enabled ? 'enabled' : 'disabled'}, token {settings.huggingface.tokenSet ? 'set' : 'not set'}</dd>
            <dt>Mode</dt><dd>{settings.execution.mode}</dd>
            <dt>Endpoints</dt>
            <dd>
              {settings.endpoints.length === 0 ? 'none' : (
                <ul>{settings.endpoints.map((e) => <li key={e.name}>{e.name}: {e.url} ({e.models.length} model{e.models.length === 1 ? '' : 's'}{e.enabled ? '' : ', disabled'})</li>)}</ul>
              )}
            </dd>
          </dl>
        )}
      </div>
    </div>
  );
}
