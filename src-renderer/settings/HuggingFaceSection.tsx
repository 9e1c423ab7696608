// The Hugging Face section: token (shown only as set / not set), whether cloud models are used, and the mode.
import type { JSX } from 'react';
import type { ExecutionMode, SettingsView } from '../../src-shared/settings';
import type { HuggingFaceDraft } from './settings-form';

/** Props of HuggingFaceSection: the saved values (for the token's state) and the form's draft. */
export interface HuggingFaceSectionProps {
  huggingface: SettingsView['huggingface'];
  draft: HuggingFaceDraft;
  onChange: (next: HuggingFaceDraft) => void;
}

const MODES: { value: ExecutionMode; label: string }[] = [
  { value: 'hybrid', label: 'Hybrid (local endpoints first)' },
  { value: 'local', label: 'Local endpoints only' },
  { value: 'huggingface', label: 'Hugging Face only' },
];

/** The Hugging Face settings. */
export function HuggingFaceSection({ huggingface, draft, onChange }: HuggingFaceSectionProps): JSX.Element {
  const tokenState = draft.clearToken ? 'will be cleared on Save' : huggingface.tokenSet ? 'set' : 'not set';
  return (
    <section aria-labelledby="settings-hf">
      <h3 id="settings-hf">Hugging Face</h3>
      <label>
        Hugging Face token
        <input type="password" autoComplete="off" value={draft.token} placeholder={huggingface.tokenSet && !draft.clearToken ? 'set (type to replace)' : 'not set'}
          onChange={(e) => onChange({ ...draft, token: e.target.value })} />
      </label>
      <span className="settings-secret-state">Token: {tokenState}</span>
      {huggingface.tokenSet && !draft.clearToken && <button type="button" className="btn" onClick={() => onChange({ ...draft, token: '', clearToken: true })}>Clear token</button>}
      <label>
        <input type="checkbox" checked={draft.enabled} onChange={(e) => onChange({ ...draft, enabled: e.target.checked })} />
        Use Hugging Face models
      </label>
      <label>
        Execution mode
        <select value={draft.mode} onChange={(e) => onChange({ ...draft, mode: e.target.value as ExecutionMode })}>
          {MODES.map((m) => <option key={m.value} value={m.value}>{m.label}</option>)}
        </select>
      </label>
    </section>
  );
}
