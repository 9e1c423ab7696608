// The run history: every run (from a request or a workflow), failed ones on demand; open one on the canvas,
// or compare two runs of one workflow.
import { messageOf } from '../../src-shared/contract-error';
import { useEffect, useState } from 'react';
import type { NodeComparison, RunListItem } from '../../src-shared/library';
import { useController } from '../app/studio-context';
import { formatDuration } from '../canvas/TaskNode';
import { Modal } from './Modal';
import { problemOf, RecordMarker } from './RecordMarker';

const when = (ms: number) => new Date(ms).toLocaleString();

/** What a run was for (a damaged record says nothing of it: its id). */
const titleOf = (run: RunListItem) =>
  run.damaged !== undefined ? `Run ${run.runId}` : run.workflow ? `Workflow: ${run.workflow.name}` : run.request || 'Graph built by hand';

/** The status word of a run's line: a damaged record has none to show. */
const statusOf = (run: RunListItem) => (run.damaged !== undefined ? 'damaged' : run.status);

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
        {runs?.map((run) => {
          const problem = problemOf(run);
          const reasonId = `run-problem-${run.runId}`;
          const damaged = problem?.kind === 'damaged';
          return (
            <li key={run.runId} aria-label={`${titleOf(run)} (${statusOf(run)})`} data-status={run.status} data-marker={problem?.kind}>
              <input type="checkbox" aria-label={`Pick ${run.runId} to compare`} checked={picked.includes(run.runId)} disabled={damaged}
                title={damaged ? 'A damaged run cannot be compared' : undefined} onChange={() => toggle(run.runId)} />
              <div className="library-item-main">
                <b>{titleOf(run)}</b>
                <div className="hint">
                  {!damaged && <><span className={`status-pill s-${run.status}`}>{run.status}</span>{' '}</>}{run.startedAt > 0 ? when(run.startedAt) : 'time unknown'}
                  {run.durationMs !== undefined && ` · ${formatDuration(run.durationMs)}`}
                  {!damaged && ` · ${run.taskCount} tasks`}
                  {Object.entries(run.counts).map(([status, n]) => ` · ${n} ${status}`).join('')}
                  {run.usage && ` · LLM: ${run.usage.llmCalls} calls, ${run.usage.promptTokens + run.usage.completionTokens} tokens`}
                </div>
                {problem && <RecordMarker problem={problem} id={reasonId} />}
                {damaged && <p className="hint">It cannot be opened or compared; its folder (runs/{run.runId}) is left as it was.</p>}
              </div>
              <div className="library-item-actions">
                <button type="button" className="btn" disabled={damaged} aria-describedby={problem ? reasonId : undefined}
                  title={damaged ? 'This run cannot be opened: its record is damaged' : problem ? 'Opens read-only' : undefined}
                  onClick={() => void open(run.runId)}>Open</button>
              </div>
            </li>
          );
        })}
      </ul>
    </Modal>
  );
}
