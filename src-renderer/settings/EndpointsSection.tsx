// Local endpoints: add, edit and remove servers and the models they serve; check their health.
import { useState, type JSX } from 'react';
import type { EndpointHealth, SettingsPatch } from '../../src-shared/contract';
import type { SettingsView } from '../../src-shared/settings';
import { useController } from '../app/studio-context';
import { EndpointEditor } from './EndpointEditor';
import { SaveBar } from './SaveBar';
import { endpointsPatch, newDraftKey, toEndpointDrafts, type EndpointDraft } from './settings-patches';
import { messageOf } from './use-settings';

/** Props of EndpointsSection. */
export interface EndpointsSectionProps {
  endpoints: SettingsView['endpoints'];
  save: (patch: SettingsPatch) => Promise<string | undefined>;
}

/** The local endpoints settings. */
export function EndpointsSection({ endpoints, save }: EndpointsSectionProps): JSX.Element {
  const [drafts, setDrafts] = useState<EndpointDraft[]>(() => toEndpointDrafts(endpoints));
  const { client } = useController();
  const [health, setHealth] = useState<Record<string, EndpointHealth | { error: string } | 'checking'>>({});
  const dirty = JSON.stringify(endpointsPatch(drafts).endpoints) !== JSON.stringify(endpoints);

  const update = (key: string, next: EndpointDraft | undefined): void =>
    setDrafts((all) => (next ? all.map((d) => (d.key === key ? next : d)) : all.filter((d) => d.key !== key)));
  const add = (): void => setDrafts((all) => [...all, { key: newDraftKey(), name: '', protocol: 'hf', url: 'http://127.0.0.1:8000', enabled: true, models: [] }]);

  const check = async (name: string): Promise<void> => {
    setHealth((h) => ({ ...h, [name]: 'checking' }));
    try {
      const [result] = await client.invoke('endpoints.health', { name });
      setHealth((h) => ({ ...h, [name]: result }));
    } catch (error) {
      setHealth((h) => ({ ...h, [name]: { error: messageOf(error) } }));
    }
  };

  return (
    <section aria-labelledby="settings-endpoints">
      <h3 id="settings-endpoints">Local endpoints</h3>
      {drafts.length === 0 && <p>No local endpoints. Models then run on Hugging Face.</p>}
      {drafts.map((draft, index) => {
        const saved = endpoints.some((e) => e.name === draft.name.trim());
        return (
          <EndpointEditor
            key={draft.key}
            index={index}
            draft={draft}
            onChange={(next) => update(draft.key, next)}
            onRemove={() => update(draft.key, undefined)}
            health={health[draft.name.trim()]}
            // The engine checks saved endpoints: save first to test a new one.
            onTest={saved && !dirty ? () => void check(draft.name.trim()) : undefined}
          />
        );
      })}
      <button type="button" className="btn" onClick={add}>Add endpoint</button>
      <SaveBar section="endpoints" onSave={() => save(endpointsPatch(drafts))} dirty={dirty} />
    </section>
  );
}
