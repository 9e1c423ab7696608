// The form to run a workflow: one field per named input (text, or a file), defaults shown.
import { useState, type FormEvent } from 'react';
import type { WorkflowEntry } from '../../src-shared/library';
import type { FormInputValue } from './library-actions';

/** Inputs of `entry`; submits only the values the user changed (the others use their defaults). */
export function WorkflowRunForm({ entry, onRun, onCancel }: { entry: WorkflowEntry; onRun: (values: Record<string, FormInputValue>) => void; onCancel: () => void }) {
  const [texts, setTexts] = useState<Record<string, string>>(() => Object.fromEntries(entry.inputs.map((i) => [i.name, i.default ?? ''])));
  const [files, setFiles] = useState<Record<string, File>>({});
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const values: Record<string, FormInputValue> = {};
    for (const input of entry.inputs) {
      if (input.modality === 'text' && texts[input.name] !== (input.default ?? '')) values[input.name] = { text: texts[input.name] };
      if (input.modality !== 'text' && files[input.name]) values[input.name] = { file: files[input.name] };
    }
    onRun(values);
  };
  return (
    <form className="library-form" aria-label={`Run ${entry.name}`} onSubmit={submit}>
      {entry.inputs.length === 0 && <p className="hint">This workflow has no inputs.</p>}
      {entry.inputs.map((input) => (
        <label key={input.name}>
          <span><span className={`port-name mod-${input.modality}`}>{input.name}</span> <span className="hint">{input.modality} · {input.description}</span></span>
          {input.modality === 'text' ? (
            <textarea rows={2} aria-label={input.name} value={texts[input.name]} onChange={(e) => setTexts({ ...texts, [input.name]: e.target.value })} />
          ) : (
            <span className="inspector-row">
              <input type="file" aria-label={input.name} onChange={(e) => { const f = e.target.files?.[0]; if (f) setFiles({ ...files, [input.name]: f }); }} />
              {!files[input.name] && input.default && <span className="hint">default: {input.default}</span>}
            </span>
          )}
        </label>
      ))}
      <div className="inspector-row">
        <span className="spacer" />
        <button type="button" className="btn" onClick={onCancel}>Back</button>
        <button type="submit" className="btn btn-primary">Run workflow</button>
      </div>
    </form>
  );
}
