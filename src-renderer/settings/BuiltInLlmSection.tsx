// The built-in LLM section: run the controlling LLM on this computer, pick a model by size, download
// (with progress), cancel or delete its file.
import { useCallback, useEffect, useState, type JSX } from 'react';
import { DEFAULT_BUILT_IN_LLM, formatBytes, type BuiltInLlmDownload, type BuiltInLlmEntry } from '../../src-shared/built-in-llm';
import type { SettingsPatch } from '../../src-shared/contract';
import { DEFAULT_LLM_MODEL, type SettingsView } from '../../src-shared/settings';
import { useController } from '../app/studio-context';
import { messageOf } from './use-settings';

/** Props of BuiltInLlmSection. */
export interface BuiltInLlmSectionProps {
  llm: SettingsView['llm'];
  save: (patch: SettingsPatch) => Promise<string | undefined>;
}

const percent = (p: BuiltInLlmDownload): number => (p.totalBytes > 0 ? Math.floor((100 * p.receivedBytes) / p.totalBytes) : 0);

/** One model row: what it costs, whether it is here, and its actions. */
function ModelRow(props: { entry: BuiltInLlmEntry; progress?: BuiltInLlmDownload; act: (action: 'use' | 'download' | 'cancel' | 'delete') => void }): JSX.Element {
  const { entry, progress } = props;
  const name = entry.offer?.label ?? entry.model;
  return (
    <li data-model={entry.model} data-selected={String(entry.selected)}>
      <strong>{name}</strong> {entry.selected && <em>(selected)</em>}
      <div className="hint">
        {entry.offer ? `${formatBytes(entry.offer.downloadBytes)} download, about ${formatBytes(entry.offer.memoryBytes)} of memory: ${entry.offer.note}` : entry.model}
      </div>
      {progress ? (
        <>
          <progress max={100} value={percent(progress)} aria-label={`Downloading ${name}`} /> {percent(progress)}% ({formatBytes(progress.receivedBytes)} of {formatBytes(progress.totalBytes)})
          <button type="button" className="btn" onClick={() => props.act('cancel')}>Cancel</button>
        </>
      ) : entry.downloadedBytes !== undefined ? (
        <>
          <span>Downloaded ({formatBytes(entry.downloadedBytes)})</span>
          <button type="button" className="btn" onClick={() => props.act('delete')}>Delete</button>
        </>
      ) : (
        <button type="button" className="btn" onClick={() => props.act('download')}>Download</button>
      )}
      {!entry.selected && <button type="button" className="btn" onClick={() => props.act('use')}>Use this model</button>}
    </li>
  );
}

/** The built-in LLM settings: on/off, models with sizes, downloads. */
export function BuiltInLlmSection({ llm, save }: BuiltInLlmSectionProps): JSX.Element {
  const { client } = useController();
  const [entries, setEntries] = useState<BuiltInLlmEntry[]>([]);
  const [progress, setProgress] = useState<Record<string, BuiltInLlmDownload>>({});
  const [message, setMessage] = useState<string>();
  const enabled = llm.provider === 'built-in';

  const refresh = useCallback(() => client.invoke('llm.models', undefined).then(setEntries, (e: unknown) => setMessage(messageOf(e))), [client]);
  useEffect(() => void refresh(), [refresh, llm.model, llm.provider]);
  useEffect(
    () =>
      client.on('llm.download', (p) => {
        setProgress((all) => {
          const { [p.model]: _, ...rest } = all;
          return p.receivedBytes >= p.totalBytes ? rest : { ...rest, [p.model]: p };
        });
        if (p.receivedBytes >= p.totalBytes) void refresh();
      }),
    [client, refresh],
  );

  const act = async (entry: BuiltInLlmEntry, action: 'use' | 'download' | 'cancel' | 'delete'): Promise<void> => {
    setMessage(undefined);
    try {
      if (action === 'use') setMessage(await save({ llm: { provider: 'built-in', model: entry.model } }));
      if (action === 'download') await client.invoke('llm.download', { model: entry.model });
      if (action === 'cancel') await client.invoke('llm.cancelDownload', { model: entry.model });
      if (action === 'delete') await client.invoke('llm.delete', { model: entry.model });
    } catch (e) {
      setMessage(messageOf(e));
    } finally {
      if (action !== 'use') setProgress(({ [entry.model]: _, ...rest }) => rest);
      void refresh();
    }
  };
  const toggle = async (on: boolean): Promise<void> => {
    const model = on ? (entries.find((e) => e.selected)?.model ?? DEFAULT_BUILT_IN_LLM) : DEFAULT_LLM_MODEL;
    setMessage(await save({ llm: { provider: on ? 'built-in' : 'openai-compatible', model } }));
  };

  return (
    <section aria-labelledby="settings-built-in-llm">
      <h3 id="settings-built-in-llm">Built-in LLM</h3>
      <label>
        <input type="checkbox" checked={enabled} onChange={(e) => void toggle(e.target.checked)} /> Plan and answer on this computer (no key, no server; one download)
      </label>
      <ul aria-label="Built-in LLM models" className="built-in-llm-models">
        {entries.map((entry) => <ModelRow key={entry.model} entry={entry} progress={progress[entry.model]} act={(a) => void act(entry, a)} />)}
      </ul>
      {message && <p role="alert" className="error-text">{message}</p>}
    </section>
  );
}
