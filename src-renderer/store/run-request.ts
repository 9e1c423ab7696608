// Builds the `run.start` request from the store: everything, or only what changed since the last run.
import type { RunRequest } from '../../src-shared/contract';
import type { StudioState } from './studio-state';

/** How a run was asked for: the whole graph, what changed, or from given tasks. */
export type RunScope = { kind: 'auto' } | { kind: 'from'; taskIds: number[]; force?: boolean };

/**
 * The request for a run: with a previous run, `auto` re-runs only the changed tasks (`from`, `baseRunId`);
 * without one, or when nothing changed, the whole graph runs (the engine's cache answers unchanged tasks).
 */
export function buildRunRequest(s: Pick<StudioState, 'conversationId' | 'tasks' | 'selections' | 'changed' | 'run'>, scope: RunScope, conversationId: string): RunRequest {
  const req: RunRequest = { conversationId: s.conversationId ?? conversationId, tasks: s.tasks, selections: s.selections };
  const base = s.run.lastRunId;
  const live = new Set(s.tasks.map((t) => t.id));
  if (scope.kind === 'from') {
    const from = scope.taskIds.filter((id) => live.has(id));
    if (base) Object.assign(req, { from, baseRunId: base });
    if (scope.force) req.force = from;
    return req;
  }
  const changed = s.changed.filter((id) => live.has(id));
  if (base && changed.length) Object.assign(req, { from: changed, baseRunId: base });
  return req;
}
