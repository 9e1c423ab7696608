// The built-in runtime's models: size on disk and download size (asked of the Hub), download with a progress
// bar (cancellable), delete. Which models the built-in endpoint has is edited with the endpoints.
import { useCallback, useEffect, useState, type JSX } from 'react';
import { formatBytes, type BuiltInModelView } from '../../src-shared/built-in-models';
import { useController } from '../app/studio-context';
import { messageOf } from './use-settings';

type Busy = { kind: 'download'; message: string; fraction?: number } | { kind: 'delete' };

/** The built-in models section of the settings panel. */
export function BuiltInModelsSection(): JSX.Element {
  const { client } = useController();
  const [rows, setRows] = useState<BuiltInModelView[]>();
  const [busy, setBusy] = useState<Record<string, Busy>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [listError, setListError] = useState<string>();

  const refresh = useCallback(async (sizes: boolean) => {
    try {
      const listed = await client.invoke('builtin.list', { sizes });
      // Keep download sizes already known when only the disk is re-read.
      setRows((old) => listed.map((r) => ({ ...old?.find((o) => o.id === r.id && o.downloadBytes !== undefined), ...r })));
      setListError(undefined);
    } catch (error) {
      setListError(messageOf(error));
    }
  }, [client]);

  useEffect(() => {
    void refresh(false).then(() => refresh(true));
    return client.on('builtin.progress', (p) => setBusy((b) => (b[p.id]?.kind === 'download' ? { ...b, [p.id]: { kind: 'download', message: p.message, fraction: p.fraction } } : b)));
  }, [client, refresh]);

  const act = async (id: string, work: Busy, call: () => Promise<unknown>) => {
    setBusy((b) => ({ ...b, [id]: work }));
    setErrors(({ [id]: _dropped, ...rest }) => rest);
    try {
      await call();
    } catch (error) {
      const message = messageOf(error);
      if (message !== 'cancelled') setErrors((e) => ({ ...e, [id]: message }));
    } finally {
      setBusy(({ [id]: _done, ...rest }) => rest);
      await refresh(false);
    }
  };

  return (
    <section aria-labelledby="settings-builtin">
      <h3 id="settings-builtin">Built-in models</h3>
      <p className="hint">Run inside the app (transformers.js, ONNX, quantized); files are downloaded once from the Hugging Face Hub into the data folder.</p>
      {listError && <p role="alert" className="error-text">{listError}</p>}
      {rows === undefined && !listError && <p role="status" className="hint">Loading…</p>}
      {rows?.length === 0 && <p>No built-in endpoint has models.</p>}
      {rows && rows.length > 0 && (
        <table className="builtin-models" aria-label="Built-in models">
          <thead><tr><th>Model</th><th>Task</th><th>Download</th><th>On disk</th><th /></tr></thead>
          <tbody>
            {rows.map((row) => {
              const state = busy[row.id];
              return (
                <tr key={`${row.endpoint}/${row.id}`} data-model={row.id}>
                  <td><code>{row.id}</code></td>
                  <td>{row.task}</td>
                  <td title={row.sizeError}>{row.downloadBytes !== undefined ? formatBytes(row.downloadBytes) : row.sizeError ? 'unknown' : '…'}</td>
                  <td aria-label={`${row.id} on disk`}>{row.bytesOnDisk > 0 ? formatBytes(row.bytesOnDisk) : 'not downloaded'}</td>
                  <td>
                    {state?.kind === 'download' ? (
                      <>
                        <progress aria-label={`Downloading ${row.id}`} max={1} value={state.fraction} title={state.message} />
                        <button type="button" className="btn" onClick={() => void client.invoke('builtin.cancelDownload', { id: row.id })}>Cancel</button>
                      </>
                    ) : row.bytesOnDisk > 0 ? (
                      <button type="button" className="btn" disabled={state !== undefined} aria-label={`Delete ${row.id}`}
                        onClick={() => void act(row.id, { kind: 'delete' }, () => client.invoke('builtin.delete', { id: row.id }))}>Delete</button>
                    ) : (
                      <button type="button" className="btn" aria-label={`Download ${row.id}`}
                        onClick={() => void act(row.id, { kind: 'download', message: 'starting…' }, () => client.invoke('builtin.download', { id: row.id, task: row.task }))}>Download</button>
                    )}
                    {errors[row.id] && <span role="alert" className="error-text"> {errors[row.id]}</span>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
