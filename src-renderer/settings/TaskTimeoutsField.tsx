// The per-task timeouts of the execution section (execution.taskTimeoutMs): a row per task type whose calls get
// their own timeout instead of the general one, in seconds.
import type { JSX } from 'react';
import { TASK_TYPES } from '../../src-shared/tasks';
import { newDraftKey, taskTimeoutProblems, type TaskTimeoutDraft } from './settings-patches';

/** Props of TaskTimeoutsField: the rows of the form's draft. */
export interface TaskTimeoutsFieldProps {
  rows: TaskTimeoutDraft[];
  onChange: (rows: TaskTimeoutDraft[]) => void;
}

/** The rows, with their problems shown beside the field. */
export function TaskTimeoutsField({ rows, onChange }: TaskTimeoutsFieldProps): JSX.Element {
  const set = (key: string, next?: TaskTimeoutDraft) =>
    onChange(next ? rows.map((r) => (r.key === key ? next : r)) : rows.filter((r) => r.key !== key));
  const problems = taskTimeoutProblems(rows);
  return (
    <fieldset className="task-timeouts" aria-labelledby="task-timeouts-title" aria-describedby="task-timeouts-help">
      <legend id="task-timeouts-title">Timeouts per task type</legend>
      <p id="task-timeouts-help" className="hint">
        A task type listed here gets its own timeout instead of "Timeout per task". Image and video generation takes
        minutes on Hugging Face's providers, and a timed-out generation job is not retried by itself (it would be billed again).
      </p>
      <ul aria-label="Timeouts per task type">
        {rows.map((row) => (
          <li key={row.key} role="group" aria-label={`Timeout for ${row.task || 'a new task type'}`}>
            <label>
              Task type
              <select value={row.task} onChange={(e) => set(row.key, { ...row, task: e.target.value })}>
                <option value="">Choose a task type…</option>
                {TASK_TYPES.map((t) => <option key={t.type} value={t.type} disabled={t.type !== row.task && rows.some((r) => r.task === t.type)}>{t.type}</option>)}
              </select>
            </label>
            <label>
              Seconds
              <input type="number" min={1} value={Number.isNaN(row.seconds) ? '' : row.seconds} onChange={(e) => set(row.key, { ...row, seconds: e.target.valueAsNumber })} />
            </label>
            <button type="button" className="btn" onClick={() => set(row.key)}>Remove</button>
          </li>
        ))}
      </ul>
      <button type="button" className="btn" onClick={() => onChange([...rows, { key: newDraftKey(), task: '', seconds: 300 }])}>Add a task timeout</button>
      {problems.length > 0 && (
        <ul role="alert" aria-label="Timeout problems" className="error-text">
          {problems.map((p) => <li key={p}>{p}</li>)}
        </ul>
      )}
    </fieldset>
  );
}
