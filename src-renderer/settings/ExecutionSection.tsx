// The execution section: parallelism, timeouts (general and per task type), retries, cloud fallback, and whether stage 4 runs by itself.
import type { ChangeEvent, JSX } from 'react';
import type { ExecutionDraft } from './settings-patches';
import { TaskTimeoutsField } from './TaskTimeoutsField';

/** Props of ExecutionSection: the form's draft. */
export interface ExecutionSectionProps {
  draft: ExecutionDraft;
  onChange: (next: ExecutionDraft) => void;
}

/** The execution settings. */
export function ExecutionSection({ draft, onChange: setDraft }: ExecutionSectionProps): JSX.Element {
  const number = (key: 'maxParallel' | 'timeoutSeconds' | 'retries') => (e: ChangeEvent<HTMLInputElement>) =>
    setDraft({ ...draft, [key]: e.target.valueAsNumber });

  return (
    <section aria-labelledby="settings-execution">
      <h3 id="settings-execution">Execution</h3>
      <label>
        Tasks in parallel
        <input type="number" min={1} max={64} value={Number.isNaN(draft.maxParallel) ? '' : draft.maxParallel} onChange={number('maxParallel')} />
      </label>
      <label>
        Timeout per task (seconds)
        <input type="number" min={1} value={Number.isNaN(draft.timeoutSeconds) ? '' : draft.timeoutSeconds} onChange={number('timeoutSeconds')} />
      </label>
      <TaskTimeoutsField rows={draft.taskTimeouts} onChange={(taskTimeouts) => setDraft({ ...draft, taskTimeouts })} />
      <label>
        Retries
        <input type="number" min={0} max={10} value={Number.isNaN(draft.retries) ? '' : draft.retries} onChange={number('retries')} />
      </label>
      <label>
        <input type="checkbox" checked={draft.fallbackToCloud} onChange={(e) => setDraft({ ...draft, fallbackToCloud: e.target.checked })} />
        Fall back to Hugging Face when a local endpoint fails
      </label>
      <label>
        <input type="checkbox" checked={draft.autoRespond} onChange={(e) => setDraft({ ...draft, autoRespond: e.target.checked })} />
        Write the answer automatically after a run
      </label>
    </section>
  );
}
