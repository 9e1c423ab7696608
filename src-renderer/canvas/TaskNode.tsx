// A task on the canvas: typed input handles left, output handles right, model, status, timing and outputs.
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { referencedIds } from '../../src-shared/plan';
import type { PortSpec } from '../../src-shared/tasks';
import { useController, useStudio } from '../app/studio-context';
import { inputHandleId, outputHandleId } from '../store/ports';
import type { TaskFlowNode } from '../store/projection';
import type { NodeRun } from '../store/run-state';
import { ArgumentPreview } from './ArgumentPreview';
import { OutputPreview } from './OutputPreview';

/** "1.2 s", "340 ms". */
export const formatDuration = (ms: number): string => (ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`);

function InputRow({ port, value, missing }: { port: PortSpec; value: string | undefined; missing?: string }) {
  const refs = referencedIds(value ?? '');
  return (
    <div className={`port-row port-in${missing ? ' port-missing' : ''}`} data-missing={missing ? true : undefined}>
      <Handle type="target" position={Position.Left} id={inputHandleId(port.name)} className={`handle handle-${port.modality}${missing ? ' handle-missing' : ''}`} title={missing ? `${port.name}: ${missing}` : `${port.name}: ${port.modality}`} />
      <span className={`port-name mod-${port.modality}`}>{port.name}</span>
      {missing ? <span className="port-value needs-input" role="note">{missing}</span>
        : refs.length ? <span className="port-value ref">← Task {refs.join(', ')}</span> : <ArgumentPreview value={value} modality={port.modality} />}
    </div>
  );
}

function Timing({ run }: { run: NodeRun }) {
  if (run.status === 'running') {
    const fraction = run.progress?.fraction;
    return (
      <span className="timing">
        {run.progress?.message ?? `attempt ${run.attempt ?? 1}`}{fraction !== undefined ? ` ${Math.round(fraction * 100)}%` : ''}
        {fraction !== undefined && <progress className="node-progress" max={1} value={fraction} aria-label="Progress" />}
      </span>
    );
  }
  if (run.durationMs !== undefined) return <span className="timing">{formatDuration(run.durationMs)}</span>;
  return null;
}

/**
 * Renders again only when its data or selection changes: React Flow also passes the node's position and
 * measured size, which change on every move and layout and which the node does not show.
 */
const sameProps = (a: NodeProps<TaskFlowNode>, b: NodeProps<TaskFlowNode>) => a.id === b.id && a.data === b.data && a.selected === b.selected;

/** The task node (memoised; everything it shows comes from its data). Zoomed far out, only its summary shows. */
export const TaskNode = memo(function TaskNode({ id, data, selected }: NodeProps<TaskFlowNode>) {
  const { task, ports, selection, run, changed, issues, missing } = data;
  const controller = useController();
  const readOnly = useStudio((s) => s.readOnly !== undefined);
  // The chosen model, at once after a swap; the model that last ran is named when it differs (a fallback).
  const ranOther = run.model !== undefined && selection !== undefined && run.model !== selection.model && !changed;
  return (
    <div className={`task-node status-${run.status}${selected ? ' is-selected' : ''}`} data-status={run.status} data-changed={changed || undefined} data-task-id={id}>
      <div className="node-summary" aria-hidden="true">
        <span className="summary-type">{task.id} · {task.task}</span>
        <span className={`status-pill s-${run.status}`}>{run.status}</span>
      </div>
      <div className="node-head">
        <span className="node-id">Task {task.id}</span>
        <span className="node-type">{task.task}</span>
        <span className={`status-pill s-${run.status}`}>{run.status}</span>
      </div>
      {ports.inputs.map((p) => <InputRow key={p.name} port={p} value={task.args[p.name]} missing={missing[p.name]} />)}
      <div className={`node-model${selected ? ' is-open' : ''}`} title={selection ? `${selection.model} on ${selection.endpoint}: ${selection.reason}` : 'No model chosen yet'}>
        {selection ? (
          <>
            <span className="model-id">{selection.model}</span>
            <span className="model-endpoint">{selection.endpoint}</span>
            {ranOther && <span className="model-ran" title="The model that produced the outputs shown">ran on {run.model}</span>}
            {selected && <span className="model-reason">{selection.reason}</span>}
          </>
        ) : (
          <span className="model-missing">no model</span>
        )}
      </div>
      {ports.outputs.map((p) => (
        <div className="port-row port-out" key={p.name}>
          <span className={`port-name mod-${p.modality}`}>{p.name}</span>
          <Handle type="source" position={Position.Right} id={outputHandleId(p.name)} className={`handle handle-${p.modality}`} title={`${p.name}: ${p.modality}`} />
        </div>
      ))}
      <OutputPreview taskId={task.id} outputs={run.outputs} />
      {run.error && (
        <div className="node-error" title={run.error.message}>
          <b>{run.error.kind}</b>: {run.error.message}
        </div>
      )}
      {run.reason && (run.status === 'skipped' || run.status === 'cancelled') && <div className="node-note">{run.reason}</div>}
      {issues.length > 0 && <div className="node-error" title={issues.join('\n')}>{issues[0]}</div>}
      <div className="node-foot">
        <Timing run={run} />
        {changed && <span className="changed-tag" title="Edited since the last run: will re-run">changed</span>}
        <span className="spacer" />
        <button type="button" className="node-btn nodrag" disabled={readOnly} onClick={() => void controller.runFrom(task.id)}
          title={readOnly ? 'A past run is read-only: press "Edit from this run" first' : 'Run this task and what depends on it'}
          aria-label={`Run from here: task ${task.id} (${task.task})`}>
          Run from here
        </button>
      </div>
    </div>
  );
}, sameProps);
