// A searchable list of task types to add to the graph; types no endpoint can serve are greyed with the reason.
import { useMemo, useState, type KeyboardEvent } from 'react';
import { TASK_TYPES, type TaskTypeSpec } from '../../src-shared/tasks';
import { useTaskAvailability } from './use-task-availability';

/** Filters task types by name, alias, summary or modality. */
export function searchTaskTypes(query: string, types: readonly TaskTypeSpec[] = TASK_TYPES) {
  const q = query.trim().toLowerCase();
  if (!q) return [...types];
  return types.filter((t) =>
    [t.type, t.summary, ...t.aliases, ...t.inputs.map((p) => p.modality), ...t.outputs.map((p) => p.modality)].some((s) => s.toLowerCase().includes(q)),
  );
}

/** Props of the palette: `accepts` narrows it to the types that fit a dragged wire, `heading` says so. */
export type TaskPaletteProps = { onPick: (type: string) => void; onClose: () => void; accepts?: (spec: TaskTypeSpec) => boolean; heading?: string };

/** The palette popover. */
export function TaskPalette({ onPick, onClose, accepts, heading }: TaskPaletteProps) {
  const [query, setQuery] = useState('');
  const availability = useTaskAvailability();
  const types = useMemo(() => (accepts ? TASK_TYPES.filter(accepts) : TASK_TYPES), [accepts]);
  const found = useMemo(() => searchTaskTypes(query, types), [query, types]);
  const reasonOf = (type: string) => availability.get(type)?.reason;
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      onClose();
    }
    const first = found.find((t) => !reasonOf(t.type));
    if (e.key === 'Enter' && first) onPick(first.type);
  };
  return (
    <div className="palette" role="dialog" aria-label={heading ?? 'Add a task'} onKeyDown={onKey}>
      {heading && <p className="palette-heading">{heading}</p>}
      <input autoFocus className="palette-search" type="search" aria-label="Search task types" placeholder="Search tasks (e.g. image, speech)" value={query} onChange={(e) => setQuery(e.target.value)} />
      <ul className="palette-list">
        {found.map((t) => {
          const reason = reasonOf(t.type);
          return (
            <li key={t.type}>
              <button type="button" className="palette-item" aria-disabled={reason ? true : undefined} onClick={() => !reason && onPick(t.type)} title={reason ?? t.summary}>
                <span className="palette-type">{t.type}</span>
                <span className="palette-io">
                  {t.inputs.map((p) => p.modality).join('+')} → {t.outputs.map((p) => p.modality).join('+')}
                </span>
                {reason && <span className="palette-reason">{reason}</span>}
              </button>
            </li>
          );
        })}
        {!found.length && <li className="hint">No task type matches.</li>}
      </ul>
    </div>
  );
}
