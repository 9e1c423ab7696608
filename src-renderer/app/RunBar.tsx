// The run controls in the header: Run, Cancel, Generate response, and the run's summary.
import { useController, useStudio } from './studio-context';
import { isRunning } from '../store/studio-state';

/** Run / Cancel / Generate response buttons with the current run's state. */
export function RunBar() {
  const controller = useController();
  const running = useStudio(isRunning);
  const hasTasks = useStudio((s) => s.tasks.length > 0);
  const planning = useStudio((s) => s.planning);
  const changedCount = useStudio((s) => s.changed.length);
  const hasRun = useStudio((s) => s.run.lastRunId !== undefined);
  const summary = useStudio((s) => s.run.summary);
  const responding = useStudio((s) => s.responding);
  const readOnly = useStudio((s) => s.readOnly !== undefined);
  const runTitle = readOnly ? 'A past run is read-only: press "Edit from this run" first' : hasRun && changedCount ? `Re-run the ${changedCount} changed task(s) and their dependents` : 'Run the whole graph';
  return (
    <div className="runbar" role="toolbar" aria-label="Run">
      <button type="button" className="btn btn-primary" disabled={!hasTasks || running || planning || readOnly} onClick={() => void controller.run()} title={runTitle}>
        Run
      </button>
      <button type="button" className="btn" disabled={!running} onClick={() => void controller.cancel()}>
        Cancel
      </button>
      <button type="button" className="btn" disabled={!hasRun || running || responding} onClick={() => void controller.generateResponse()}>
        Generate response
      </button>
      <span className="run-state" aria-live="polite">
        {running ? 'Running…' : summary ? `Last run ${summary.status} in ${(summary.durationMs / 1000).toFixed(1)} s` : hasRun ? '' : ''}
        {!running && hasRun && changedCount > 0 ? ` · ${changedCount} changed` : ''}
      </span>
    </div>
  );
}
