// The chosen model with its reason, and the ranked candidates (`catalog.candidates`) to swap it.
import { useEffect, useState } from 'react';
import type { Candidate } from '../../src-shared/selection';
import { useController, useStudio, useStudioStore } from '../app/studio-context';

const compact = new Intl.NumberFormat('en', { notation: 'compact' });

/** The model section of the inspector. */
export function ModelPicker({ taskId, taskType, open, onOpenChange, onChosen }: { taskId: number; taskType: string; open: boolean; onOpenChange: (open: boolean) => void; onChosen: () => void }) {
  const store = useStudioStore();
  const controller = useController();
  const selection = useStudio((s) => s.selections[taskId]);
  const [candidates, setCandidates] = useState<Candidate[]>();
  const [error, setError] = useState<string>();
  const [filter, setFilter] = useState('');

  useEffect(() => {
    if (!open) return;
    let live = true;
    setError(undefined);
    controller.candidates(taskType).then(
      (c) => live && setCandidates(c),
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => { live = false; };
  }, [open, taskType, controller]);

  const choose = (c: Candidate) => {
    store.getState().chooseModel(taskId, { model: c.id, endpoint: c.endpoint, reason: `Chosen by you (rank ${c.rank}, ${compact.format(c.downloads)} downloads)`, method: 'user' });
    onOpenChange(false);
    onChosen();
  };
  const shown = (candidates ?? []).filter((c) => c.id.toLowerCase().includes(filter.trim().toLowerCase()));

  return (
    <div className="model-picker">
      {selection ? (
        <div className="model-current" title={selection.reason}>
          <div className="model-id">{selection.model}</div>
          <div className="hint">{selection.endpoint} · {selection.method}</div>
          <div className="reason">{selection.reason}</div>
        </div>
      ) : (
        <p className="hint">No model chosen yet.</p>
      )}
      <button type="button" className="btn" aria-expanded={open} onClick={() => onOpenChange(!open)}>
        {open ? 'Close candidates' : 'Change model'}
      </button>
      {open && (
        <div className="candidates">
          {error && <p className="error-text" role="alert">{error}</p>}
          {!candidates && !error && <p className="hint">Loading candidates…</p>}
          {candidates && candidates.length === 0 && <p className="hint">No model can serve {taskType} with the current endpoints.</p>}
          {candidates && candidates.length > 5 && <input type="search" aria-label="Filter models" placeholder="Filter models" value={filter} onChange={(e) => setFilter(e.target.value)} />}
          <ul className="candidate-list" aria-label="Candidate models">
            {shown.map((c) => (
              <li key={`${c.id}@${c.endpoint}`}>
                <button type="button" className={`candidate ${c.id === selection?.model ? 'is-current' : ''}`} onClick={() => choose(c)} title={c.description}>
                  <span className="rank">#{c.rank}</span>
                  <span className="model-id">{c.id}</span>
                  <span className="hint">{compact.format(c.downloads)} ↓ · {c.endpoint}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
