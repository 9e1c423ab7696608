// Stage 3 entry point: runs a planned task graph and reports every step as numbered run events.
import { createEventSink } from './event-sink';
import { redactResult } from './redact-run-data';
import { newRunId, RUN_ID_PATTERN } from './run-id';
import { Scheduler } from './scheduler';
import { buildTaskGraph } from './task-graph';
import type { ExecuteInput, RunHandle, RunOutcome, RunRecord } from './types';

/**
 * Runs `input.tasks` as a DAG on the selected models; returns at once with a handle to follow or cancel it.
 * @example const run = executeGraph({ tasks, selections, targets, userResources, execution, deps: { runner, store } });
 *          const { results, summary } = await run.done;
 */
export function executeGraph(input: ExecuteInput): RunHandle {
  const now = input.deps.now ?? Date.now;
  const runId = input.runId ?? newRunId(now());
  if (!RUN_ID_PATTERN.test(runId)) throw new Error(`invalid run id "${runId}": use letters, digits, "-" and "_"`);
  const recorder = input.deps.recorder;
  const emit = createEventSink(runId, now, input.onEvent, recorder);
  const scheduler = new Scheduler(buildTaskGraph(input.tasks), input, emit, now);

  const done = (async (): Promise<RunOutcome> => {
    const startedAt = now();
    const record: RunRecord = {
      version: 1,
      runId,
      status: 'running',
      startedAt,
      context: input.context ?? {},
      tasks: input.tasks,
      selections: input.selections,
      execution: input.execution,
      results: {},
    };
    let recordError: string | undefined;
    const noteRecordError = (error: unknown) => {
      recordError ??= `the run record could not be written: ${error instanceof Error ? error.message : String(error)}`;
    };
    if (recorder) await recorder.begin(record).catch(noteRecordError);
    await scheduler.run();
    const results = Object.fromEntries(Object.entries(scheduler.state.resultsRecord()).map(([id, r]) => [id, redactResult(r)]));
    const finishedAt = now();
    const summary = scheduler.state.summary(finishedAt - startedAt, scheduler.cancelled);
    emit({ type: 'run-finished', summary });
    if (recorder) await recorder.finish({ ...record, status: summary.status, finishedAt, results, summary }).catch(noteRecordError);
    return recordError ? { runId, results, summary, recordError } : { runId, results, summary };
  })();

  return { runId, done, cancel: (taskId) => scheduler.cancel(taskId) };
}
