// The settings panel: LLM, Hugging Face, local endpoints, execution and the data folder, each saved on its own.
import { useRef, type JSX } from 'react';
import { useDialogFocus } from '../library/use-dialog-focus';
import { BuiltInModelsSection } from './BuiltInModelsSection';
import { DataFolderSection } from './DataFolderSection';
import { EndpointsSection } from './EndpointsSection';
import { ExecutionSection } from './ExecutionSection';
import { HuggingFaceSection } from './HuggingFaceSection';
import { LlmSection } from './LlmSection';
import { useSettings } from './use-settings';

/** The settings panel (a dialog); it reaches the engine only through the typed client. */
export function SettingsPanel(props: { onClose: () => void }): JSX.Element {
  const { view, loadError, save } = useSettings();
  const ref = useRef<HTMLDivElement>(null);
  useDialogFocus(ref, props.onClose);
  return (
    <div className="modal-backdrop" onClick={props.onClose}>
      <div ref={ref} tabIndex={-1} role="dialog" aria-modal="true" aria-labelledby="settings-title" className="modal settings-panel"
        onClick={(e) => e.stopPropagation()}>
        <div className="inspector-row">
          <h2 id="settings-title" className="panel-title">Settings</h2>
          <span className="spacer" />
          <button type="button" className="btn" onClick={props.onClose}>Close</button>
        </div>
        {loadError && <p role="alert" className="error-text">Settings could not be loaded: {loadError}</p>}
        {!view && !loadError && <p role="status" className="hint">Loading settings…</p>}
        {view && (
          <>
            {view.warnings && view.warnings.length > 0 && (
              <ul role="alert" aria-label="Settings warnings" className="settings-warnings error-text">
                {view.warnings.map((w) => <li key={w}>{w}</li>)}
              </ul>
            )}
            <LlmSection llm={view.llm} save={save} />
            <HuggingFaceSection huggingface={view.huggingface} mode={view.execution.mode} save={save} />
            <EndpointsSection endpoints={view.endpoints} save={save} />
            <BuiltInModelsSection />
            <ExecutionSection execution={view.execution} save={save} />
            <DataFolderSection dataDir={view.dataDir} />
          </>
        )}
      </div>
    </div>
  );
}
