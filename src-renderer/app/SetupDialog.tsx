// First-run guided setup: an LLM preset, its key and model, saved and tested in one step; an optional Hugging
// Face token; or start without an LLM. It talks to the engine directly (settings.update, settings.testLlm),
// so it does not depend on the Settings panel's form. "Run everything on this computer" picks the built-in LLM
// (downloaded once through llm.download) next to the built-in models.
import { messageOf } from '../../src-shared/contract-error';
import { useEffect, useState, type FormEvent } from 'react';
import { DEFAULT_BUILT_IN_LLM, formatBytes, isGgufRef } from '../../src-shared/built-in-llm';
import type { ConnectionCheck, SettingsPatch } from '../../src-shared/contract';
import { Modal } from '../library/Modal';
import { LLM_PRESETS, presetForBaseUrl, type LlmPreset } from '../settings/llm-presets';
import { useController } from './studio-context';


/** The guided setup dialog. */
export function SetupDialog({ onClose }: { onClose: () => void }) {
  const { client } = useController();
  const [preset, setPreset] = useState<LlmPreset>(LLM_PRESETS[0]);
  const [baseURL, setBaseURL] = useState(LLM_PRESETS[0].baseURL);
  const [model, setModel] = useState(LLM_PRESETS[0].model);
  const [apiKey, setApiKey] = useState('');
  const [hfToken, setHfToken] = useState('');
  const [check, setCheck] = useState<ConnectionCheck & { busy?: boolean }>();
  const [download, setDownload] = useState<{ receivedBytes: number; totalBytes: number }>();
  useEffect(() => client.on('llm.download', (p) => setDownload(p.receivedBytes >= p.totalBytes ? undefined : p)), [client]);

  useEffect(() => {
    let live = true;
    client.invoke('settings.get', undefined).then((view) => {
      if (!live) return;
      setPreset(presetForBaseUrl(view.llm.baseURL));
      setBaseURL(view.llm.baseURL);
      setModel(view.llm.model);
    }, () => undefined);
    return () => { live = false; };
  }, [client]);

  const choose = (id: string) => {
    const chosen = LLM_PRESETS.find((p) => p.id === id) ?? LLM_PRESETS[0];
    setPreset(chosen);
    if (chosen.id !== 'custom') {
      setBaseURL(chosen.baseURL);
      setModel(chosen.model);
    }
  };
  const saveAndTest = async (e: FormEvent) => {
    e.preventDefault();
    setCheck({ ok: false, message: 'Saving and testing…', busy: true });
    const patch: SettingsPatch = { llm: { baseURL: baseURL.trim(), model: model.trim(), ...(apiKey ? { apiKey } : {}) }, ...(hfToken ? { huggingface: { token: hfToken.trim() } } : {}) };
    try {
      await client.invoke('settings.update', patch);
      setApiKey('');
      setHfToken('');
      setCheck(await client.invoke('settings.testLlm', undefined));
    } catch (error) {
      setCheck({ ok: false, message: messageOf(error) });
    }
  };

  /** The built-in LLM as the controlling LLM: saved, downloaded once, then tested like any other. */
  const runLocally = async () => {
    setCheck({ ok: false, message: 'Saving…', busy: true });
    try {
      const view = await client.invoke('settings.get', undefined);
      const builtIn = isGgufRef(view.llm.model) ? view.llm.model : DEFAULT_BUILT_IN_LLM;
      await client.invoke('settings.update', { llm: { provider: 'built-in', model: builtIn } });
      setCheck({ ok: false, message: `Downloading the built-in LLM ${builtIn} (once)…`, busy: true });
      await client.invoke('llm.download', { model: builtIn });
      setDownload(undefined);
      setCheck({ ok: false, message: 'Testing the built-in LLM…', busy: true });
      setCheck(await client.invoke('settings.testLlm', undefined));
    } catch (error) {
      setDownload(undefined);
      setCheck({ ok: false, message: messageOf(error) });
    }
  };

  return (
    <Modal title="Set up HuggingGPT Studio" onClose={onClose} className="setup-dialog">
      <p className="hint">An LLM plans the work and picks the models; expert models on Hugging Face or your own servers do it.</p>
      <form className="library-form" onSubmit={(e) => void saveAndTest(e)}>
        <label>LLM
          <select aria-label="LLM" value={preset.id} onChange={(e) => choose(e.target.value)}>
            {LLM_PRESETS.map((p) => <option key={p.id} value={p.id}>{p.label}</option>)}
          </select>
        </label>
        <label>Server address <input type="url" required value={baseURL} onChange={(e) => { setBaseURL(e.target.value); setPreset(presetForBaseUrl(e.target.value)); }} /></label>
        <label>Model <input required value={model} onChange={(e) => setModel(e.target.value)} /></label>
        <label>API key{preset.needsKey ? '' : ' (this server needs none)'}
          <input type="password" autoComplete="off" value={apiKey} onChange={(e) => setApiKey(e.target.value)} placeholder={preset.needsKey ? 'required' : 'optional'} />
        </label>
        <label>Hugging Face token (optional: runs models in the cloud)
          <input type="password" autoComplete="off" value={hfToken} onChange={(e) => setHfToken(e.target.value)} placeholder="hf_…" />
        </label>
        <div className="inspector-row">
          <button type="submit" className="btn btn-primary" disabled={check?.busy}>Save and test</button>
          <span className="spacer" />
          <button type="button" className="btn" onClick={onClose}>{check?.ok ? 'Done' : 'Start without an LLM'}</button>
        </div>
        {check && (
          <p role="status" aria-label="LLM test" data-ok={check.busy ? undefined : String(check.ok)} className={check.ok || check.busy ? 'hint' : 'error-text'}>
            {check.busy ? check.message : check.ok ? `The LLM answered: ${check.message}` : `Not working yet: ${check.message}`}
          </p>
        )}
      </form>
      <div className="inspector-row">
        <button type="button" className="btn" disabled={check?.busy} onClick={() => void runLocally()}>
          Run everything on this computer (built-in LLM + built-in models)
        </button>
      </div>
      {download && check?.busy && (
        <p className="hint" aria-label="Built-in LLM download">
          <progress max={download.totalBytes || 1} value={download.receivedBytes} /> {formatBytes(download.receivedBytes)} of {formatBytes(download.totalBytes)}
        </p>
      )}
      <p className="hint">Without an LLM you can still build graphs by hand (+ Add task) and run them on local endpoints (Settings).</p>
    </Modal>
  );
}
