// The LLM section: a preset or a custom OpenAI-compatible server, its model and key, and a connection test.
import { useState, type JSX } from 'react';
import type { ConnectionCheck, SettingsPatch } from '../../src-shared/contract';
import type { SettingsView } from '../../src-shared/settings';
import { useController } from '../app/studio-context';
import { LLM_PRESETS, presetForBaseUrl, type LlmPreset } from './llm-presets';
import { SaveBar } from './SaveBar';
import { llmPatch, type LlmDraft } from './settings-patches';
import { messageOf } from './use-settings';

/** Props of LlmSection. */
export interface LlmSectionProps {
  llm: SettingsView['llm'];
  save: (patch: SettingsPatch) => Promise<string | undefined>;
}

/** The LLM settings. */
export function LlmSection({ llm, save }: LlmSectionProps): JSX.Element {
  const [draft, setDraft] = useState<LlmDraft>({ baseURL: llm.baseURL, model: llm.model, apiKey: '' });
  const [preset, setPreset] = useState<LlmPreset['id']>(presetForBaseUrl(llm.baseURL).id);
  const [check, setCheck] = useState<ConnectionCheck & { testing?: boolean }>();
  const { client } = useController();
  const dirty = draft.baseURL !== llm.baseURL || draft.model !== llm.model || draft.apiKey !== '';

  const choosePreset = (id: LlmPreset['id']): void => {
    setPreset(id);
    const chosen = LLM_PRESETS.find((p) => p.id === id);
    if (chosen && id !== 'custom') setDraft({ ...draft, baseURL: chosen.baseURL, model: chosen.model });
  };
  const saveDraft = async (): Promise<string | undefined> => {
    const error = await save(llmPatch(draft));
    if (!error) setDraft((d) => ({ ...d, apiKey: '' }));
    return error;
  };
  const test = async (): Promise<void> => {
    setCheck({ ok: false, message: 'Testing…', testing: true });
    const error = dirty ? await saveDraft() : undefined;
    if (error) return setCheck({ ok: false, message: error });
    try {
      setCheck(await client.invoke('settings.testLlm', undefined));
    } catch (e) {
      setCheck({ ok: false, message: messageOf(e) });
    }
  };

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
        <input type="url" value={draft.baseURL} onChange={(e) => { setDraft({ ...draft, baseURL: e.target.value }); setPreset(presetForBaseUrl(e.target.value).id); }} />
      </label>
      <label>
        Model
        <input value={draft.model} onChange={(e) => setDraft({ ...draft, model: e.target.value })} />
      </label>
      <label>
        API key
        <input type="password" autoComplete="off" value={draft.apiKey} placeholder={llm.apiKeySet ? 'set (type to replace)' : 'not set'}
          onChange={(e) => setDraft({ ...draft, apiKey: e.target.value })} />
      </label>
      <span className="settings-secret-state">API key: {llm.apiKeySet ? 'set' : 'not set'}</span>
      {llm.apiKeySet && <button type="button" className="btn" onClick={() => void save({ llm: { apiKey: null } })}>Clear API key</button>}
      <SaveBar section="LLM" onSave={saveDraft} dirty={dirty} />
      <button type="button" className="btn" onClick={() => void test()} disabled={check?.testing}>Test connection</button>
      {check && (
        <p role="status" aria-label="LLM connection" data-ok={check.testing ? undefined : String(check.ok)}>
          {check.testing ? check.message : check.ok ? `Connected${check.latencyMs !== undefined ? ` (${check.latencyMs} ms)` : ''}: ${check.message}` : `Failed: ${check.message}`}
        </p>
      )}
    </section>
  );
}
