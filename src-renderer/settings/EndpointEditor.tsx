// One local endpoint in the settings panel: name, URL, enabled, its models, and its health.
import { useState, type JSX } from 'react';
import type { EndpointHealth } from '../../src-shared/contract';
import { ENDPOINT_PROTOCOL_SPECS, ENDPOINT_PROTOCOLS, tasksServedBy, type EndpointProtocol } from '../../src-shared/endpoint-protocols';
import type { ModelOnEndpoint } from '../../src-shared/settings';
import { useController } from '../app/studio-context';
import { draftAuthorization, newDraftKey, type EndpointDraft, type ModelDraft } from './settings-patches';
import { useCatalogTasks } from './use-catalog-tasks';
import { messageOf } from './use-settings';

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

/** The task types the protocol serves (plus a saved task name that is not one of them, so it is not lost). */
const taskChoices = (current: string, protocol: EndpointProtocol): string[] => {
  const types = tasksServedBy(protocol);
  return current && !types.includes(current) ? [current, ...types] : types;
};

/** The draft's models plus the found rows it does not have yet (same id and task). */
export function withFoundModels(models: ModelDraft[], found: ModelOnEndpoint[]): ModelDraft[] {
  const has = new Set(models.map((m) => `${m.id}\n${m.task}`));
  const added = found.filter((m) => !has.has(`${m.id}\n${m.task}`)).map((m) => ({ key: newDraftKey(), ...m }));
  return [...models.filter((m) => m.id.trim() !== '' || m.task !== ''), ...added];
}

/** "Find models": asks the server (as typed, saved or not) what it serves and adds the rows. */
function FindModels({ draft, onChange }: Pick<EndpointEditorProps, 'draft' | 'onChange'>): JSX.Element {
  const { client } = useController();
  const [status, setStatus] = useState<string>();
  const find = async (): Promise<void> => {
    setStatus('Asking the server…');
    try {
      // Typed credentials go along; without them, the saved ones of this endpoint (the engine checks the address is theirs).
      const found = await client.invoke('endpoints.discover', { protocol: draft.protocol, url: draft.url, name: draft.name.trim() || undefined, ...draftAuthorization(draft) });
      onChange({ ...draft, models: withFoundModels(draft.models, found.models) });
      setStatus(found.message);
    } catch (error) {
      setStatus(messageOf(error));
    }
  };
  return (
    <>
      <button type="button" className="btn" onClick={() => void find()}>Find models</button>
      {status && <span role="status" aria-label="Find models">{status}</span>}
    </>
  );
}

/** The endpoint's credentials: typed in, never shown back; saved in the secret store and sent only to its addresses. */
function EndpointCredentials({ draft, onChange }: Pick<EndpointEditorProps, 'draft' | 'onChange'>): JSX.Element {
  const state = draft.authorization ? 'will be saved' : draft.clearAuthorization ? 'will be removed on Save' : draft.authorizationSet ? 'set' : 'not set';
  return (
    <>
      <label>
        Authorization
        <input type="password" autoComplete="off" value={draft.authorization} placeholder={draft.authorizationSet && !draft.clearAuthorization ? 'set (type to replace)' : 'Bearer <API key>'}
          aria-describedby={`auth-help-${draft.key}`} onChange={(e) => onChange({ ...draft, authorization: e.target.value })} />
      </label>
      <span id={`auth-help-${draft.key}`} className="settings-secret-state">
        Credentials: {state}. Sent as the Authorization header to this server only (e.g. "Bearer &lt;API key&gt;" or "Basic &lt;base64 of user:password&gt;"),
        kept in the app's secret store; changing the URL asks for them again.
      </span>
      {draft.authorizationSet && !draft.clearAuthorization && !draft.authorization && (
        <button type="button" className="btn" onClick={() => onChange({ ...draft, clearAuthorization: true })}>Remove credentials</button>
      )}
    </>
  );
}

/** Editor for one endpoint. */
export function EndpointEditor({ index, draft, onChange, onRemove, health, onTest }: EndpointEditorProps): JSX.Element {
  const taskOf = useCatalogTasks();
  const label = `Endpoint ${draft.name.trim() || index + 1}`;
  const repos = ENDPOINT_PROTOCOL_SPECS[draft.protocol].modelsAreRepos;
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
      <label>
        Protocol
        <select value={draft.protocol} onChange={(e) => onChange({ ...draft, protocol: e.target.value as EndpointProtocol })}
          title={ENDPOINT_PROTOCOL_SPECS[draft.protocol].summary}>
          {ENDPOINT_PROTOCOLS.map((p) => <option key={p} value={p}>{ENDPOINT_PROTOCOL_SPECS[p].label}</option>)}
        </select>
      </label>
      {ENDPOINT_PROTOCOL_SPECS[draft.protocol].needsUrl && (
        <label>URL <input type="url" value={draft.url} onChange={(e) => onChange({ ...draft, url: e.target.value })} /></label>
      )}
      {ENDPOINT_PROTOCOL_SPECS[draft.protocol].needsUrl && <EndpointCredentials draft={draft} onChange={onChange} />}
      <label>
        <input type="checkbox" checked={draft.enabled} onChange={(e) => onChange({ ...draft, enabled: e.target.checked })} />
        Enabled
      </label>
      <HealthIndicator health={health} />
      <button type="button" className="btn" onClick={onTest} disabled={!onTest} title="Checks the values in the form; nothing is saved">Test</button>
      <button type="button" className="btn" onClick={onRemove}>Remove endpoint</button>
      <FindModels draft={draft} onChange={onChange} />
      <ul aria-label="Models">
        {draft.models.map((model, m) => (
          <li key={model.key} role="group" aria-label={`Model ${m + 1}`}>
            <label>
              {repos ? 'Repo id' : 'Checkpoint'}
              <input value={model.id} placeholder={repos ? 'org/name' : 'sd_xl_base_1.0.safetensors'} onChange={(e) => setModel(model.key, { ...model, id: e.target.value })}
                onBlur={() => void fillTask(model)} />
            </label>
            <label>
              Task
              <select value={model.task} onChange={(e) => setModel(model.key, { ...model, task: e.target.value })}>
                <option value="">Choose a task…</option>
                {taskChoices(model.task, draft.protocol).map((t) => <option key={t} value={t}>{t}</option>)}
              </select>
            </label>
            {model.controlnet && <span title="ControlNet file">+ {model.controlnet}</span>}
            <button type="button" className="btn" onClick={() => setModel(model.key, undefined)}>Remove model</button>
          </li>
        ))}
      </ul>
      <button type="button" className="btn" onClick={() => onChange({ ...draft, models: [...draft.models, { key: newDraftKey(), id: '', task: '' }] })}>Add model</button>
    </fieldset>
  );
}
