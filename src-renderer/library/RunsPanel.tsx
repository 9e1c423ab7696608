// The run history: every run (from a request or a workflow), failed ones on demand; open one on the canvas,
// or compare two runs of one workflow.
import { messageOf } from '../../src-shared/contract-error';
import { useEffect, useState } from 'react';
import type { NodeComparison, RunListItem } from '../../src-shared/library';
import { useController } from '../app/studio-context';
import { formatDuration } from '../canvas/TaskNode';
import { Modal } from './Modal';

const when = (ms: number) => new Date(ms).toLocaleString();

/** What a run was for. */
const titleOf = (run: RunListItem) => (run.workflow ? `Workflow: ${run.workflow.name}` : run.request || 'Graph built by hand');

/** The Runs panel (a dialog). */
export function RunsPanel({ onClose }: { onClose: () => void }) {
  const { client, library } = useController();
  const [onlyFailed, setOnlyFailed] = useState(false);
  const [runs, setRuns] = useState<RunListItem[]>();
  const [picked, setPicked] = useState<string[]>([]);
  const [comparison, setComparison] = useState<NodeComparison[]>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    let live = true;
    client.invoke('runs.list', onlyFailed ? { status: 'failed' } : {}).then((r) => live && setRuns(r), (e: unknown) => live && setError(messageOf(e)));
    return () => { live = false; };
  }, [client, onlyFailed]);

  const toggle = (runId: string) => {
    setComparison(undefined);
    setPicked((p) => (p.includes(runId) ? p.filter((id) => id !== runId) : [...p, runId].slice(-2)));
  };
  const compare = async () => {
    setError(undefined);
    try {
      setComparison(await client.invoke('runs.compare', { a: picked[0], b: picked[1] }));
    } catch (e) {
      setError(messageOf(e));
    }
  };
  const open = async (runId: string) => {
    try {
      await library.openRun(runId);
      onClose();
    } catch (e) {
      setError(messageOf(e));
    }
  };

  return (
    <Modal title="Runs" onClose={onClose} className="library-panel">
      <div className="inspector-row">
        <label className="hint"><input type="checkbox" checked={onlyFailed} onChange={(e) => setOnlyFailed(e.target.checked)} /> Failed only</label>
        <span className="spacer" />
        <button type="button" className="btn" disabled={picked.length !== 2} onClick={() => void compare()} title="Tick two runs to compare their nodes' outputs">Compare</button>
      </div>
      {error && <p role="alert" className="error-text">{error}</p>}
      {comparison && (
        <table className="attempts" aria-label="Comparison">
          <thead><tr><th>task</th><th>first</th><th>second</th><th>output</th></tr></thead>
          <tbody>
            {comparison.map((n) => (
              <tr key={n.taskId} data-change={n.change}>
                <td>Task {n.taskId}: {n.task}</td><td>{n.a ?? '—'}</td><td>{n.b ?? '—'}</td><td className={n.change === 'same' ? 'hint' : 'changed-tag'}>{n.change}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {runs && runs.length === 0 && <p className="hint">{onlyFailed ? 'No failed runs.' : 'No runs yet.'}</p>}
      <ul className="library-list" aria-label="Run history">
        {runs?.map((run) => (
          <li key={run.runId} aria-label={`${titleOf(run)} (${run.status})`} data-status={run.status}>
            <input type="checkbox" aria-label={`Pick ${run.runId} to compare`} checked={picked.includes(run.runId)} onChange={() => toggle(run.runId)} />
            <div className="library-item-main">
              <b>{titleOf(run)}</b>
              <div className="hint">
                <span className={`status-pill s-${run.status}`}>{run.status}</span> {when(run.startedAt)}
                {run.durationMs !== undefined && ` · ${formatDuration(run.durationMs)}`}
                {` · ${run.taskCount} tasks`}
                {Object.entries(run.counts).map(([status, n]) => ` · ${n} ${status}`).join('')}
                {run.usage && ` · LLM: ${run.usage.llmCalls} calls, ${run.usage.promptTokens + run.usage.completionTokens} tokens`}
              </div>
            </div>
            <div className="library-item-actions">
              <button type="button" className="btn" onClick={() => void open(run.runId)}>Open</button>
            </div>
          </li>
        ))}
      </ul>
    </Modal>
  );
}
