// The store as a saved session and back: what survives a reload or a restart (conversation, graph, layout,
// selection, the nodes' latest results), and nothing of the transient UI (undo history, notices, streams).
import { SESSION_VERSION, type StudioSession } from '../../src-shared/session';
import type { NodeRuns } from './run-state';
import type { StudioState } from './studio-state';

/** The parts of the state a session is made of (a save is due when one of them changes identity). */
export const SESSION_KEYS = ['conversationId', 'tasks', 'selections', 'changed', 'layout', 'selectedTaskIds', 'chat', 'runs', 'run', 'readOnly', 'origin', 'edited'] as const satisfies readonly (keyof StudioState)[];

/** The session to save for `s`. */
export function sessionOf(s: StudioState, now = Date.now()): StudioSession {
  return {
    version: SESSION_VERSION,
    savedAt: now,
    ...(s.conversationId ? { conversationId: s.conversationId } : {}),
    tasks: s.tasks,
    selections: s.selections,
    changed: s.changed,
    positions: Object.fromEntries(Object.entries(s.layout.positions).map(([id, xy]) => [id, { x: xy.x, y: xy.y }])),
    selectedTaskIds: s.selectedTaskIds,
    chat: s.chat,
    runs: s.runs as unknown as StudioSession['runs'],
    ...(s.run.lastRunId ? { lastRunId: s.run.lastRunId } : {}),
    ...(s.readOnly ? { readOnlyRunId: s.readOnly.runId } : {}),
    ...(s.origin ? { origin: s.origin } : {}),
    ...(s.edited ? { edited: true } : {}),
  };
}

/**
 * The state a saved session restores. Nodes that were queued or running when the window closed did not
 * finish (their run's events are gone): they show as cancelled. A message that was streaming keeps its text.
 */
export function restoredState(session: StudioSession): Partial<StudioState> {
  const runs: NodeRuns = {};
  for (const [id, raw] of Object.entries(session.runs)) {
    const run = raw as unknown as NodeRuns[number];
    runs[Number(id)] = ['queued', 'running'].includes(run.status) ? { ...run, status: 'cancelled', progress: undefined } : run;
  }
  const live = new Set(session.tasks.map((t) => t.id));
  const selectedTaskIds = session.selectedTaskIds.filter((id) => live.has(id));
  return {
    conversationId: session.conversationId,
    tasks: session.tasks,
    selections: session.selections,
    changed: session.changed,
    runs,
    run: { starting: false, early: [], lastRunId: session.lastRunId },
    layout: { positions: Object.fromEntries(Object.entries(session.positions).map(([id, xy]) => [Number(id), xy])), sizes: {}, layoutRequest: 0 },
    selectedTaskIds,
    selectedTaskId: selectedTaskIds[0],
    chat: session.chat.map((m) => (m.streaming ? { ...m, streaming: false } : m)),
    readOnly: session.readOnlyRunId ? { runId: session.readOnlyRunId } : undefined,
    origin: session.origin,
    edited: session.edited ?? false,
    planning: false,
    responding: false,
  };
}
