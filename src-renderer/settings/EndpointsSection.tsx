// Local endpoints: add, edit and remove servers and the models they serve; "Test" checks the values in the
// form (saved or not) without saving them.
import { useState, type JSX } from 'react';
import type { EndpointHealth } from '../../src-shared/contract';
import { useController } from '../app/studio-context';
import { EndpointEditor } from './EndpointEditor';
import { endpointToTest, newEndpointDraft, type EndpointDraft } from './settings-patches';
import { messageOf } from './use-settings';

/** Props of EndpointsSection: the form's endpoint drafts. */
export interface EndpointsSectionProps {
  drafts: EndpointDraft[];
  onChange: (next: EndpointDraft[]) => void;
}

/** The local endpoints settings. */
export function EndpointsSection({ drafts, onChange }: EndpointsSectionProps): JSX.Element {
  const { client } = useController();
  const [health, setHealth] = useState<Record<string, EndpointHealth | { error: string } | 'checking'>>({});

  const update = (key: string, next: EndpointDraft | undefined): void =>
    onChange(next ? drafts.map((d) => (d.key === key ? next : d)) : drafts.filter((d) => d.key !== key));
  const add = (): void => onChange([...drafts, newEndpointDraft()]);

  const check = async (draft: EndpointDraft): Promise<void> => {
    setHealth((h) => ({ ...h, [draft.key]: 'checking' }));
    try {
      const [result] = await client.invoke('endpoints.health', { endpoint: endpointToTest(draft) });
      setHealth((h) => ({ ...h, [draft.key]: result }));
    } catch (error) {
      setHealth((h) => ({ ...h, [draft.key]: { error: messageOf(error) } }));
    }
  };

  return (
    <section aria-labelledby="settings-endpoints">
      <h3 id="settings-endpoints">Local endpoints</h3>
      {drafts.length === 0 && <p>No local endpoints. Models then run on Hugging Face.</p>}
      {drafts.map((draft, index) => (
        <EndpointEditor
          key={draft.key}
          index={index}
          draft={draft}
          onChange={(next) => update(draft.key, next)}
          onRemove={() => update(draft.key, undefined)}
          health={health[draft.key]}
          onTest={() => void check(draft)}
        />
      ))}
      <button type="button" className="btn" onClick={add}>Add endpoint</button>
    </section>
  );
}
