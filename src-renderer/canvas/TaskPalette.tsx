// A searchable list of task types to add to the graph.
import { useMemo, useState, type KeyboardEvent } from 'react';
import { TASK_TYPES } from '../../src-shared/tasks';

/** Filters task types by name, alias, summary or modality. */
export function searchTaskTypes(query: string) {
  const q = query.trim().toLowerCase();
  if (!q) return [...TASK_TYPES];
  return TASK_TYPES.filter((t) =>
    [t.type, t.summary, ...t.aliases, ...t.inputs.map((p) => p.modality), ...t.outputs.map((p) => p.modality)].some((s) => s.toLowerCase().includes(q)),
  );
}

/** The palette popover. */
export function TaskPalette({ onPick, onClose }: { onPick: (type: string) => void; onClose: () => void }) {
  const [query, setQuery] = useState('');
  const found = useMemo(() => searchTaskTypes(query), [query]);
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') onClose();
    if (e.key === 'Enter' && found[0]) onPick(found[0].type);
  };
  return (
    <div className="palette" role="dialog" aria-label="Add a task">
      <input autoFocus className="palette-search" type="search" aria-label="Search task types" placeholder="Search tasks (e.g. image, speech)" value={query} onChange={(e) => setQuery(e.target.value)} onKeyDown={onKey} />
      <ul className="palette-list">
        {found.map((t) => (
          <li key={t.type}>
            <button type="button" className="palette-item" onClick={() => onPick(t.type)} title={t.summary}>
              <span className="palette-type">{t.type}</span>
              <span className="palette-io">
                {t.inputs.map((p) => p.modality).join('+')} → {t.outputs.map((p) => p.modality).join('+')}
              </span>
            </button>
          </li>
        ))}
        {!found.length && <li className="hint">No task type matches.</li>}
      </ul>
    </div>
  );
}
