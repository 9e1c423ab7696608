// One local endpoint in the settings panel: name, URL, enabled, its models, and its health.
import type { JSX } from 'react';
import type { EndpointHealth } from '../../src-shared/contract';
import { TASK_TYPES } from '../../src-shared/tasks';
import { newDraftKey, type EndpointDraft, type ModelDraft } from './settings-patches';
import { useCatalogTasks } from './use-catalog-tasks';

/** Props of EndpointEditor. */
export interface EndpointEditorProps {
  index: number;
  draft: EndpointDraft;
  onChange: (next: EndpointDraft) => void;
  onRemove: () => void;
  health: EndpointHealth | { error: string } | 'checking' | undefined;
  /** Checks the endpoint as it is in the form (nothing is saved). */
  onTest?: () => void;
}

/** The health indicator: state, latency and when it was checked. */
function HealthIndicator({ health }: { health: EndpointEditorProps['health'] }): JSX.Element {
  if (health === undefined) return <span role="status" aria-label="Health" data-health="unknown">Not checked</span>;
  if (health === 'checking') return <span role="status" aria-label="Health" data-health="checking">Checking…</span>;
  if ('error' in health) return <span role="status" aria-label="Health" data-health="error">{health.error}</span>;
  const when = new Date(health.checkedAt).toLocaleTimeString();
  const latency = health.latencyMs !== undefined ? `, ${health.latencyMs} ms` : '';
  return (
    <span role="status" aria-label="Health" data-health={health.ok ? 'ok' : 'down'}>
      {health.ok ? 'Healthy' : `Unreachable: ${health.message}`}{latency} (checked {when})
    </span>
  );
}

/** The task types to choose from (plus a saved task name that is not one of them, so it is not lost). */
const taskChoices = (current: string): string[] => {
  const types = TASK_TYPES.map((t) => t.type);
  return current && !types.includes(current) ? [current, ...types] : types;
};

/** Editor for one endpoint. */
export function EndpointEditor({ index, draft, onChange, onRemove, health, onTest }: EndpointEditorProps): JSX.Element {
  const taskOf = useCatalogTasks();
  const label = `Endpoint ${draft.name.trim() || index + 1}`;
  const setModel = (key: string, next: ModelDraft | undefined): void =>
    onChange({ ...draft, models: next ? draft.models.map((m) => (m.key === key ? next : m)) : draft.models.filter((m) => m.key !== key) });
  const fillTask = async (model: ModelDraft): Promise<void> => {
    if (model.task || !model.id.trim()) return;
    const task = await taskOf(model.id);
    if (task) setModel(model.key, { ...model, task });
  };

  return (
    <fieldset role="group" aria-label={label} className="settings-endpoint">
      <legend>{label}</legend>
      <label>Name <input value={draft.name} onChange={(e) => onChange({ ...draft, name: e.target.value })} /></label>
      <label>URL <input type="url" value={draft.url} onChange={(e) => onChange({ ...draft, url: e.target.value })} /></label>
      <label>
        <input type="checkbox" checked={draft.enabled} onChange={(e) => onChange({ ...draft, enabled: e.target.checked })} />
        Enabled
      </label>
      <HealthIndicator health={health} />
      <button type="button" className="btn" onClick={onTest} disabled={!onTest} title="Checks the values in the form; nothing is saved">Test</button>
      <button type="button" className="btn" onClick={onRemove}>Remove endpoint</button>
      <ul aria-label="Models">
        {draft.models.map((model, m) => (
          <li key={model.key} role="group" aria-label={`Model ${m + 1}`}>
            <label>
              Repo id
              <input value={model.id} placeholder="org/name" onChange={(e) => setModel(model.key, { ...model, id: e.target.value })}
                onBlur={() => void fillTask(model)} />
            </label>
            <label>
              Task
              <select value={model.task} onChange={(e) => setModel(model.key, { ...model, task: e.target.value })}>
                <option value="">Choose a task…</option>
                {taskChoices(model.task).map((t) => <option key={t} value={t}>{t}</option>)}
              </select>
            </label>
            <button type="button" className="btn" onClick={() => setModel(model.key, undefined)}>Remove model</button>
          </li>
        ))}
      </ul>
      <button type="button" className="btn" onClick={() => onChange({ ...draft, models: [...draft.models, { key: newDraftKey(), id: '', task: '' }] })}>Add model</button>
    </fieldset>
  );
}
