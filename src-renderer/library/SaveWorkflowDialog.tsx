// "Save workflow": names the graph on the canvas and stores it in the library: over the workflow the tab
// came from (its previous version kept in the trash), or as a new one.
import { useState, type FormEvent } from 'react';
import { useController, useStudio } from '../app/studio-context';
import { Modal } from './Modal';

/** The save dialog. */
export function SaveWorkflowDialog({ onClose }: { onClose: () => void }) {
  const { library } = useController();
  const origin = useStudio((s) => s.origin);
  const request = useStudio((s) => s.chat.filter((m) => m.role === 'user').at(-1)?.text ?? '');
  const [name, setName] = useState(origin?.kind === 'workflow' ? origin.name : request.slice(0, 60));
  const [description, setDescription] = useState('');
  const [saving, setSaving] = useState(false);
  const opened = origin?.kind === 'workflow' ? origin : undefined;
  const submit = async (e: FormEvent, asNew = false) => {
    e.preventDefault();
    setSaving(true);
    const ok = await library.saveWorkflow(name, description, asNew);
    setSaving(false);
    if (ok) onClose();
  };
  return (
    <Modal title="Save workflow" onClose={onClose}>
      <form className="library-form" onSubmit={(e) => void submit(e)}>
        <label>Name <input value={name} onChange={(e) => setName(e.target.value)} required autoFocus /></label>
        <label>Description <textarea rows={2} value={description} onChange={(e) => setDescription(e.target.value)} /></label>
        {opened && <p className="hint">The previous version of "{opened.name}" stays in the workflows' trash.</p>}
        <p className="hint">Your files and literal texts become the workflow's named inputs (with their current values as defaults); the chosen models are pinned.</p>
        <div className="inspector-row">
          <span className="spacer" />
          {opened && (
            <button type="button" className="btn" disabled={saving || !name.trim()} onClick={(e) => void submit(e, true)}>Save as new workflow</button>
          )}
          <button type="submit" className="btn btn-primary" disabled={saving || !name.trim()}>{opened ? `Save changes to "${opened.name}"` : 'Save'}</button>
        </div>
      </form>
    </Modal>
  );
}
