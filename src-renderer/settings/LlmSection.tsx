// The LLM section: a preset or a custom OpenAI-compatible server, its model and key, and a connection test
// of the values in the form (nothing is saved by a test).
import { useState, type JSX } from 'react';
import type { ConnectionCheck } from '../../src-shared/contract';
import type { SettingsView } from '../../src-shared/settings';
import { useController } from '../app/studio-context';
import { LLM_PRESETS, presetForBaseUrl, type LlmPreset } from './llm-presets';
import { llmDraftPatch, type SettingsDraft } from './settings-form';
import { messageOf } from './use-settings';

/** Props of LlmSection: the saved values (for the key's state) and the form's draft. */
export interface LlmSectionProps {
  llm: SettingsView['llm'];
  draft: SettingsDraft['llm'];
  onChange: (next: SettingsDraft['llm']) => void;
}

/** The LLM settings. */
export function LlmSection({ llm, draft, onChange }: LlmSectionProps): JSX.Element {
  const [preset, setPreset] = useState<LlmPreset['id']>(presetForBaseUrl(draft.baseURL).id);
  const [check, setCheck] = useState<ConnectionCheck & { testing?: boolean }>();
  const { client } = useController();

  const choosePreset = (id: LlmPreset['id']): void => {
    setPreset(id);
    const chosen = LLM_PRESETS.find((p) => p.id === id);
    if (chosen && id !== 'custom') onChange({ ...draft, baseURL: chosen.baseURL, model: chosen.model });
  };
  const test = async (): Promise<void> => {
    setCheck({ ok: false, message: 'Testing…', testing: true });
    try {
      setCheck(await client.invoke('settings.testLlm', { llm: llmDraftPatch(draft) }));
    } catch (e) {
      setCheck({ ok: false, message: messageOf(e) });
    }
  };
  const keyState = draft.clearApiKey ? 'will be cleared on Save' : llm.apiKeySet ? 'set' : 'not set';

  return (
    <section aria-labelledby="settings-llm">
      <h3 id="settings-llm">LLM</h3>
      <label>
        Provider
        <select value={preset} onChange={(e) => choosePreset(e.target.value as LlmPreset['id'])}>
          {LLM_PRESETS.map((p) => <option key={p.id} value={p.id}>{p.label}</option>)}
        </select>
      </label>
      <p className="settings-hint">{LLM_PRESETS.find((p) => p.id === preset)?.hint}</p>
      <label>
        Base URL
        <input type="url" value={draft.baseURL} onChange={(e) => { onChange({ ...draft, baseURL: e.target.value }); setPreset(presetForBaseUrl(e.target.value).id); }} />
      </label>
      <label>
        Model
        <input value={draft.model} onChange={(e) => onChange({ ...draft, model: e.target.value })} />
      </label>
      <label>
        API key
        <input type="password" autoComplete="off" value={draft.apiKey} placeholder={llm.apiKeySet && !draft.clearApiKey ? 'set (type to replace)' : 'not set'}
          onChange={(e) => onChange({ ...draft, apiKey: e.target.value })} />
      </label>
      <span className="settings-secret-state">API key: {keyState}</span>
      {llm.apiKeySet && !draft.clearApiKey && <button type="button" className="btn" onClick={() => onChange({ ...draft, apiKey: '', clearApiKey: true })}>Clear API key</button>}
      <button type="button" className="btn" onClick={() => void test()} disabled={check?.testing} title="Tests the values in the form; nothing is saved">Test connection</button>
      {check && (
        <p role="status" aria-label="LLM connection" data-ok={check.testing ? undefined : String(check.ok)}>
          {check.testing ? check.message : check.ok ? `Connected${check.latencyMs !== undefined ? ` (${check.latencyMs} ms)` : ''}: ${check.message}` : `Failed: ${check.message}`}
        </p>
      )}
    </section>
  );
}
