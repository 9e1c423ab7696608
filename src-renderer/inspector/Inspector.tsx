// The right panel: the selected task's arguments, model, status, outputs, error and logs.
import { useRef, useState } from 'react';
import { useController, useStudio, useStudioStore } from '../app/studio-context';
import { formatDuration } from '../canvas/TaskNode';
import { taskLabel } from '../store/graph-edits';
import { portsOf } from '../store/ports';
import { idleRun } from '../store/run-state';
import { isRunning } from '../store/studio-state';
import { ArgumentEditor } from './ArgumentEditor';
import { ErrorBox } from './ErrorBox';
import { ModelPicker } from './ModelPicker';
import { OutputView } from './OutputView';

/** The inspector for the selected task (or a hint). */
export function Inspector() {
  const store = useStudioStore();
  const controller = useController();
  const id = useStudio((s) => s.selectedTaskId);
  const task = useStudio((s) => s.tasks.find((t) => t.id === s.selectedTaskId));
  const run = useStudio((s) => (id === undefined ? undefined : s.runs[id])) ?? idleRun();
  const changed = useStudio((s) => id !== undefined && s.changed.includes(id));
  const selection = useStudio((s) => (id === undefined ? undefined : s.selections[id]));
  const readOnly = useStudio((s) => s.readOnly !== undefined);
  const running = useStudio(isRunning);
  const [pickerOpen, setPickerOpen] = useState(false);
  const [retryAfterPick, setRetryAfterPick] = useState(false);
  const argsRef = useRef<HTMLDivElement>(null);

  if (!task || id === undefined) {
    return (
      <div className="inspector">
        <h2 className="panel-title">Inspector</h2>
        <p className="hint">Select a task on the canvas to see and edit its arguments, model and results.</p>
        <p className="hint">Drag from an output (right) to an input (left) to wire tasks; Delete removes; Ctrl+Z / Ctrl+Shift+Z undo and redo.</p>
      </div>
    );
  }

  return (
    <div className="inspector" data-status={run.status}>
      <h2 className="panel-title">{taskLabel(task)}</h2>
      <div className="inspector-row">
        <span className={`status-pill s-${run.status}`}>{run.status}</span>
        {run.durationMs !== undefined && <span className="timing">{formatDuration(run.durationMs)}</span>}
        {changed && <span className="changed-tag">changed</span>}
        <span className="spacer" />
        <button type="button" className="btn" disabled={running || readOnly} onClick={() => void controller.runFrom(id)}>Run from here</button>
        <button type="button" className="btn btn-danger" disabled={readOnly} onClick={() => store.getState().deleteTasks([id])}>Delete task</button>
      </div>
      {run.progress && <p className="hint">{run.progress.message}{run.progress.fraction !== undefined ? ` (${Math.round(run.progress.fraction * 100)}%)` : ''}</p>}
      {run.error && (
        <ErrorBox
          error={run.error}
          attempts={run.attempts}
          request={{ model: run.model ?? selection?.model, endpoint: run.endpoint ?? selection?.endpoint, args: task.args }}
          // Retry in a past run is an explicit "Edit from this run" (as are swap and edit): adopt it, then re-run.
          onRetry={() => void controller.library.editFromRun().then((ok) => { if (ok) void controller.runFrom(id); })}
          onSwapModel={() => void controller.library.editFromRun().then((ok) => { if (ok) { setPickerOpen(true); setRetryAfterPick(true); } })}
          onEdit={() => void controller.library.editFromRun().then((ok) => ok && argsRef.current?.querySelector('textarea')?.focus())}
        />
      )}
      {run.reason && (run.status === 'skipped' || run.status === 'cancelled') && <p className="hint">{run.status === 'skipped' ? 'Skipped' : 'Cancelled'}: {run.reason}</p>}
      <section ref={argsRef}>
        <h3>Arguments</h3>
        {portsOf(task).inputs.map((p) => <ArgumentEditor key={`${id}-${p.name}`} taskId={id} port={p} value={task.args[p.name]} />)}
      </section>
      <section>
        <h3>Model</h3>
        <ModelPicker
          taskId={id}
          taskType={task.task}
          open={pickerOpen}
          onOpenChange={setPickerOpen}
          onChosen={() => {
            if (retryAfterPick) void controller.runFrom(id);
            setRetryAfterPick(false);
          }}
        />
      </section>
      {run.outputs.length > 0 && (
        <section>
          <h3>Outputs</h3>
          {run.outputs.map((o) => <OutputView key={o.port} taskId={id} output={o} siblings={run.outputs} />)}
        </section>
      )}
      {run.logs.length > 0 && (
        <section>
          <h3>Log</h3>
          <pre className="log">{run.logs.join('\n')}</pre>
        </section>
      )}
    </div>
  );
}
