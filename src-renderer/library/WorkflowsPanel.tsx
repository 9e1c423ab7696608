// The workflows library: search, open, run with new inputs, rename, duplicate, export, delete (and restore), import.
import { messageOf } from '../../src-shared/contract-error';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { WorkflowEntry } from '../../src-shared/library';
import { useController } from '../app/studio-context';
import { Modal } from './Modal';
import { problemOf, RecordMarker } from './RecordMarker';
import { WorkflowRunForm } from './WorkflowRunForm';


/** Offers `text` as a file download. */
function download(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = Object.assign(document.createElement('a'), { href: url, download: fileName });
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The Workflows panel (a dialog). */
export function WorkflowsPanel({ onClose }: { onClose: () => void }) {
  const { client, library } = useController();
  const [query, setQuery] = useState('');
  const [deleted, setDeleted] = useState(false);
  const [entries, setEntries] = useState<WorkflowEntry[]>();
  const [error, setError] = useState<string>();
  const [status, setStatus] = useState<string>();
  const [running, setRunning] = useState<WorkflowEntry>();
  const importInput = useRef<HTMLInputElement>(null);

  const refresh = useCallback(async () => {
    try {
      setEntries(await client.invoke('workflows.list', { query, deleted }));
    } catch (e) {
      setError(messageOf(e));
    }
  }, [client, query, deleted]);
  useEffect(() => void refresh(), [refresh]);

  /** Runs an action, then shows its message (or its error) and refreshes the list. */
  const act = async (action: () => Promise<string | void>) => {
    setError(undefined);
    setStatus(undefined);
    try {
      const message = await action();
      if (message) setStatus(message);
      await refresh();
    } catch (e) {
      setError(messageOf(e));
    }
  };
  const importFile = (file: File) => act(async () => {
    const entry = await client.invoke('workflows.import', { fileName: file.name, text: await file.text() });
    return `Imported "${entry.name}".`;
  });
  const rename = (entry: WorkflowEntry) => {
    const name = window.prompt('New name for the workflow', entry.name);
    if (name && name.trim() && name !== entry.name) void act(async () => void (await client.invoke('workflows.rename', { id: entry.id, name })));
  };

  if (running) {
    return (
      <Modal title={`Run workflow: ${running.name}`} onClose={onClose} className="library-panel">
        <WorkflowRunForm entry={running} onCancel={() => setRunning(undefined)} onRun={(values) => { onClose(); void library.runWorkflow(running.id, values); }} />
      </Modal>
    );
  }

  return (
    <Modal title="Workflows" onClose={onClose} className="library-panel">
      <div className="inspector-row">
        <input type="search" aria-label="Search workflows" placeholder="Search workflows" value={query} onChange={(e) => setQuery(e.target.value)} />
        <label className="hint"><input type="checkbox" checked={deleted} onChange={(e) => setDeleted(e.target.checked)} /> Deleted</label>
        <span className="spacer" />
        <button type="button" className="btn" onClick={() => importInput.current?.click()}>Import…</button>
        <input ref={importInput} type="file" accept=".json,application/json" hidden aria-label="Import workflow file"
          onChange={(e) => { const f = e.target.files?.[0]; e.target.value = ''; if (f) void importFile(f); }} />
      </div>
      {error && <p role="alert" className="error-text">{error}</p>}
      {status && <p role="status" className="hint">{status}</p>}
      {entries && entries.length === 0 && <p className="hint">{deleted ? 'No deleted workflows.' : query ? 'No workflow matches.' : 'No workflows yet: plan a request, then "Save workflow".'}</p>}
      <ul className="library-list" aria-label={deleted ? 'Deleted workflows' : 'Workflows'}>
        {entries?.map((entry) => {
          const problem = problemOf(entry);
          const reasonId = `workflow-problem-${entry.deleted ? 'deleted-' : ''}${entry.id}`;
          return (
            <li key={entry.id} aria-label={entry.name} data-marker={problem?.kind}>
              <div className="library-item-main">
                <b>{entry.name}</b>
                {problem ? (
                  <>
                    <RecordMarker problem={problem} id={reasonId} />
                    <p className="hint">It cannot be run, opened or exported until the file is fixed or replaced; it is left as it was (workflows/{entry.deleted ? '.trash/' : ''}{entry.id}.json).</p>
                  </>
                ) : (
                  <>
                    <span className="hint"> · {entry.taskCount} tasks · inputs: {entry.inputs.map((i) => `${i.name} (${i.modality})`).join(', ') || 'none'}</span>
                    {entry.description && <div className="hint">{entry.description}</div>}
                  </>
                )}
              </div>
              <div className="library-item-actions">
                {entry.deleted ? (
                  <button type="button" className="btn" disabled={Boolean(problem)} aria-describedby={problem ? reasonId : undefined}
                    onClick={() => void act(async () => `Restored "${(await client.invoke('workflows.restore', { id: entry.id })).name}".`)}>Restore</button>
                ) : problem ? (
                  <>
                    {(['Run…', 'Open', 'Export'] as const).map((label) => (
                      <button key={label} type="button" className="btn" disabled aria-describedby={reasonId} title="This workflow file is damaged">{label}</button>
                    ))}
                    <button type="button" className="btn btn-danger" onClick={() => void act(async () => { await client.invoke('workflows.delete', { id: entry.id }); return `Moved the damaged file ${entry.id}.json to workflows/.trash/.`; })}>Delete</button>
                  </>
                ) : (
                  <>
                    <button type="button" className="btn btn-primary" onClick={() => setRunning(entry)}>Run…</button>
                    <button type="button" className="btn" onClick={() => void act(async () => { await library.openWorkflow(entry.id); onClose(); })}>Open</button>
                    <button type="button" className="btn" onClick={() => rename(entry)}>Rename</button>
                    <button type="button" className="btn" onClick={() => void act(async () => `Duplicated as "${(await client.invoke('workflows.duplicate', { id: entry.id })).name}".`)}>Duplicate</button>
                    <button type="button" className="btn" onClick={() => void act(async () => { const f = await client.invoke('workflows.export', { id: entry.id }); download(f.fileName, f.text); })}>Export</button>
                    <button type="button" className="btn btn-danger" onClick={() => void act(async () => { await client.invoke('workflows.delete', { id: entry.id }); return `Deleted "${entry.name}" (tick "Deleted" to restore it).`; })}>Delete</button>
                  </>
                )}
              </div>
            </li>
          );
        })}
      </ul>
    </Modal>
  );
}
