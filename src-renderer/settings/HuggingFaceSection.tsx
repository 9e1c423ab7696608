// The Hugging Face section: token (shown only as set / not set), whether cloud models are used, and the mode.
import { useState, type JSX } from 'react';
import type { SettingsPatch } from '../../src-shared/contract';
import type { ExecutionMode, SettingsView } from '../../src-shared/settings';
import { SaveBar } from './SaveBar';

/** Props of HuggingFaceSection. */
export interface HuggingFaceSectionProps {
  huggingface: SettingsView['huggingface'];
  mode: ExecutionMode;
  save: (patch: SettingsPatch) => Promise<string | undefined>;
}

const MODES: { value: ExecutionMode; label: string }[] = [
  { value: 'hybrid', label: 'Hybrid (local endpoints first)' },
  { value: 'local', label: 'Local endpoints only' },
  { value: 'huggingface', label: 'Hugging Face only' },
];

/** The Hugging Face settings. */
export function HuggingFaceSection({ huggingface, mode, save }: HuggingFaceSectionProps): JSX.Element {
  const [token, setToken] = useState('');
  const [enabled, setEnabled] = useState(huggingface.enabled);
  const [draftMode, setDraftMode] = useState(mode);
  const dirty = token !== '' || enabled !== huggingface.enabled || draftMode !== mode;
  const saveDraft = async (): Promise<string | undefined> => {
    const error = await save({ huggingface: { enabled, ...(token ? { token } : {}) }, execution: { mode: draftMode } });
    if (!error) setToken('');
    return error;
  };

  return (
    <section aria-labelledby="settings-hf">
      <h3 id="settings-hf">Hugging Face</h3>
      <label>
        Hugging Face token
        <input type="password" autoComplete="off" value={token} placeholder={huggingface.tokenSet ? 'set (type to replace)' : 'not set'}
          onChange={(e) => setToken(e.target.value)} />
      </label>
      <span className="settings-secret-state">Token: {huggingface.tokenSet ? 'set' : 'not set'}</span>
      {huggingface.tokenSet && <button type="button" className="btn" onClick={() => void save({ huggingface: { token: null } })}>Clear token</button>}
      <label>
        <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />
        Use Hugging Face models
      </label>
      <label>
        Execution mode
        <select value={draftMode} onChange={(e) => setDraftMode(e.target.value as ExecutionMode)}>
          {MODES.map((m) => <option key={m.value} value={m.value}>{m.label}</option>)}
        </select>
      </label>
      <SaveBar section="Hugging Face" onSave={saveDraft} dirty={dirty} />
    </section>
  );
}
