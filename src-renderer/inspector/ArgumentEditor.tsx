// Edits one argument: free text, an attached file, or the output of another task (committed on blur).
import { useEffect, useState } from 'react';
import { resourceRef } from '../../src-shared/plan';
import type { PortSpec } from '../../src-shared/tasks';
import { useStudio, useStudioStore } from '../app/studio-context';
import { dependentsOf } from '../store/graph-edits';
import { outputFor } from '../store/ports';

/** One argument field with a picker of compatible sources. */
export function ArgumentEditor({ taskId, port, value }: { taskId: number; port: PortSpec; value: string | undefined }) {
  const store = useStudioStore();
  const [draft, setDraft] = useState(value ?? '');
  useEffect(() => setDraft(value ?? ''), [value]);
  const tasks = useStudio((s) => s.tasks);
  const readOnly = useStudio((s) => s.readOnly !== undefined);
  const chat = useStudio((s) => s.chat);
  const attachments = [...new Set(chat.flatMap((m) => m.attachments ?? []).map((a) => a.name))];
  const downstream = dependentsOf(tasks, [taskId]);
  const producers = tasks.filter((t) => t.id !== taskId && !downstream.includes(t.id) && outputFor(t, port.modality));

  const commit = (next: string) => {
    if (next === (value ?? '')) return;
    if (!store.getState().setArg(taskId, port.name, next)) setDraft(value ?? '');
  };
  const fieldId = `arg-${taskId}-${port.name}`;

  return (
    <div className="arg">
      <label htmlFor={fieldId} className="arg-label">
        <span className={`port-name mod-${port.modality}`}>{port.name}</span> <span className="hint">{port.modality}{port.optional ? ', optional' : ''}</span>
      </label>
      <textarea
        id={fieldId}
        rows={port.modality === 'text' ? 3 : 1}
        value={draft}
        readOnly={readOnly}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={() => commit(draft)}
        onKeyDown={(e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) commit(draft); }}
      />
      {!readOnly && (producers.length > 0 || (port.modality !== 'text' && attachments.length > 0)) && (
        <select aria-label={`Source for ${port.name}`} value="" onChange={(e) => { if (e.target.value) { setDraft(e.target.value); commit(e.target.value); } }}>
          <option value="">Use…</option>
          {producers.map((t) => <option key={t.id} value={resourceRef(t.id)}>output of Task {t.id}: {t.task}</option>)}
          {port.modality !== 'text' && attachments.map((name) => <option key={name} value={name}>attached file {name}</option>)}
        </select>
      )}
    </div>
  );
}
