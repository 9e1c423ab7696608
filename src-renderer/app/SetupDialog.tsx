// First-run guided setup: choose and test an LLM (presets), optionally a Hugging Face token, or start without one.
import { Modal } from '../library/Modal';
import { HuggingFaceSection } from '../settings/HuggingFaceSection';
import { LlmSection } from '../settings/LlmSection';
import { useSettings } from '../settings/use-settings';

/** The guided setup; it edits the same settings as the Settings panel, through the same sections. */
export function SetupDialog({ onClose }: { onClose: () => void }) {
  const { view, loadError, save } = useSettings();
  return (
    <Modal title="Set up HuggingGPT Studio" onClose={onClose} className="settings-panel setup-dialog">
      <ol className="setup-steps">
        <li><b>Choose the LLM that plans the work</b>: a preset (OpenAI, the Hugging Face router, Ollama or LM Studio on this computer) or any OpenAI-compatible server, then <b>Test connection</b>.</li>
        <li><b>Optionally add a Hugging Face token</b> to run models in the cloud (Inference Providers).</li>
        <li>
          Or <b>start without a key</b>: build graphs by hand with <b>+ Add task</b> and run them on local endpoints (Settings &gt; Local endpoints).{' '}
          <button type="button" className="btn" onClick={onClose}>Start without an LLM</button>
        </li>
      </ol>
      {loadError && <p role="alert" className="error-text">Settings could not be loaded: {loadError}</p>}
      {view && (
        <>
          <LlmSection llm={view.llm} save={save} />
          <HuggingFaceSection huggingface={view.huggingface} mode={view.execution.mode} save={save} />
        </>
      )}
      <div className="inspector-row">
        <span className="spacer" />
        <button type="button" className="btn btn-primary" onClick={onClose}>Done</button>
      </div>
    </Modal>
  );
}
