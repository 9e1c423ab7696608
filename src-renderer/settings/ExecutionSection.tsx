// The execution section: parallelism, timeout, retries, cloud fallback, and whether stage 4 runs by itself.
import { useState, type ChangeEvent, type JSX } from 'react';
import type { SettingsPatch } from '../../src-shared/contract';
import type { SettingsView } from '../../src-shared/settings';
import { SaveBar } from './SaveBar';
import { executionPatch, type ExecutionDraft } from './settings-patches';

/** Props of ExecutionSection. */
export interface ExecutionSectionProps {
  execution: SettingsView['execution'];
  save: (patch: SettingsPatch) => Promise<string | undefined>;
}

const toDraft = (e: SettingsView['execution']): ExecutionDraft => ({
  maxParallel: e.maxParallel, timeoutSeconds: e.timeoutMs / 1000, retries: e.retries, fallbackToCloud: e.fallbackToCloud, autoRespond: e.autoRespond,
});

/** The execution settings. */
export function ExecutionSection({ execution, save }: ExecutionSectionProps): JSX.Element {
  const [draft, setDraft] = useState<ExecutionDraft>(toDraft(execution));
  const dirty = JSON.stringify(draft) !== JSON.stringify(toDraft(execution));
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
      <SaveBar section="execution" onSave={() => save(executionPatch(draft))} dirty={dirty} />
    </section>
  );
}
