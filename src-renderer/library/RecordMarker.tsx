// The marker of a library entry the engine could not read as it should: a damaged file, an interrupted run.
import type { JSX } from 'react';

/** What happened to a workflow file or a run record, as the lists show it. */
export type RecordProblem = { kind: 'damaged'; reason: string } | { kind: 'interrupted' };

/** What an interrupted run is, for the user. */
export const INTERRUPTED_REASON = 'The app stopped before this run ended (closed, killed or crashed): the nodes that had finished are kept, the rest were cancelled. It opens read-only.';

/** The problem of a run or workflow entry, if any. */
export function problemOf(entry: { damaged?: string; interrupted?: boolean }): RecordProblem | undefined {
  if (entry.damaged !== undefined) return { kind: 'damaged', reason: entry.damaged };
  return entry.interrupted ? { kind: 'interrupted' } : undefined;
}

/** A labelled marker with the reason beside it; `id` lets buttons point at the reason (aria-describedby). */
export function RecordMarker({ problem, id }: { problem: RecordProblem; id: string }): JSX.Element {
  const reason = problem.kind === 'damaged' ? problem.reason : INTERRUPTED_REASON;
  return (
    <div className={`record-marker m-${problem.kind}`} data-marker={problem.kind}>
      <span className="record-marker-label">{problem.kind === 'damaged' ? 'Damaged' : 'Interrupted'}</span>
      <span id={id} className="record-marker-reason">{reason}</span>
    </div>
  );
}
