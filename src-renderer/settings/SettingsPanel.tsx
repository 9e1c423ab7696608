// The settings panel: one form (LLM, Hugging Face, local endpoints, execution) with one Save, a guard
// against closing with unsaved edits, and the data folder. Other sections mount inside the same form.
import { useRef, useState, type JSX } from 'react';
import { useDialogFocus } from '../library/use-dialog-focus';
import { BuiltInLlmSection } from './BuiltInLlmSection';
import { BuiltInModelsSection } from './BuiltInModelsSection';
import { DataFolderSection } from './DataFolderSection';
import { EndpointsSection } from './EndpointsSection';
import { ExecutionSection } from './ExecutionSection';
import { HuggingFaceSection } from './HuggingFaceSection';
import { LlmSection } from './LlmSection';
import { draftOf, formPatch, formProblems, isDirty, type SettingsDraft } from './settings-form';
import { useSettings } from './use-settings';

/** The settings panel (a dialog); it reaches the engine only through the typed client. */
export function SettingsPanel(props: { onClose: () => void }): JSX.Element {
  const { view, loadError, save } = useSettings();
  const [draft, setDraft] = useState<SettingsDraft>();
  const [result, setResult] = useState<{ busy?: boolean; error?: string; saved?: boolean }>({});
  const [confirmingClose, setConfirmingClose] = useState(false);
  const form = draft ?? (view ? draftOf(view) : undefined);
  const dirty = Boolean(view && form && isDirty(form, view));
  const edit = <K extends keyof SettingsDraft>(key: K) => (value: SettingsDraft[K]) => {
    setDraft({ ...form!, [key]: value });
    setResult({});
  };

  const saveForm = async (): Promise<boolean> => {
    if (!view || !form) return false;
    const problems = formProblems(form);
    if (problems.length > 0) {
      setResult({ error: `Settings not saved: ${problems.join(' ')}` });
      return false;
    }
    setResult({ busy: true });
    const error = await save(formPatch(form, view));
    // After a save the form shows the saved settings (secrets typed in are not kept in the page).
    if (!error) setDraft(undefined);
    setResult(error ? { error } : { saved: true });
    return !error;
  };
  const close = (): void => (dirty ? setConfirmingClose(true) : props.onClose());
  const ref = useRef<HTMLDivElement>(null);
  // Focus moves in, stays inside and goes back on close; Esc asks first when there are unsaved edits.
  useDialogFocus(ref, close);

  return (
    <div className="modal-backdrop" onClick={close}>
      <div ref={ref} tabIndex={-1} role="dialog" aria-modal="true" aria-labelledby="settings-title" className="modal settings-panel"
        onClick={(e) => e.stopPropagation()}>
        <div className="inspector-row">
          <h2 id="settings-title" className="panel-title">Settings</h2>
          <span className="spacer" />
          <button type="button" className="btn" onClick={close}>Close</button>
        </div>
        {loadError && <p role="alert" className="error-text">Settings could not be loaded: {loadError}</p>}
        {!view && !loadError && <p role="status" className="hint">Loading settings…</p>}
        {view && form && (
          <form onSubmit={(e) => { e.preventDefault(); void saveForm(); }} aria-label="Settings form">
            {view.warnings && view.warnings.length > 0 && (
              <ul role="alert" aria-label="Settings warnings" className="settings-warnings error-text">
                {view.warnings.map((w) => <li key={w}>{w}</li>)}
              </ul>
            )}
            <LlmSection llm={view.llm} draft={form.llm} onChange={edit('llm')} />
            <BuiltInLlmSection llm={view.llm} save={save} />
            <HuggingFaceSection huggingface={view.huggingface} draft={form.huggingface} onChange={edit('huggingface')} />
            <EndpointsSection drafts={form.endpoints} onChange={edit('endpoints')} />
            <BuiltInModelsSection />
            <ExecutionSection draft={form.execution} onChange={edit('execution')} />
            <DataFolderSection dataDir={view.dataDir} />
            <div className="settings-footer">
              <button type="submit" className="btn btn-primary" disabled={!dirty || result.busy}>Save</button>
              <button type="button" className="btn" disabled={!dirty || result.busy} onClick={() => { setDraft(undefined); setResult({}); }}>Discard changes</button>
              {result.error && <p role="alert" className="error-text">{result.error}</p>}
              {result.saved && !dirty && <span role="status">Saved</span>}
              {dirty && !result.error && <span className="hint">Unsaved changes</span>}
            </div>
          </form>
        )}
        {confirmingClose && (
          <div role="alertdialog" aria-label="Unsaved settings" className="settings-guard">
            <p>You have unsaved changes in the settings.</p>
            <button type="button" className="btn btn-primary" onClick={() => void saveForm().then((ok) => ok && props.onClose())}>Save and close</button>
            <button type="button" className="btn btn-danger" onClick={props.onClose}>Discard and close</button>
            <button type="button" className="btn" onClick={() => setConfirmingClose(false)}>Keep editing</button>
          </div>
        )}
      </div>
    </div>
  );
}
