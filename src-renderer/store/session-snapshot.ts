// The store as a saved session and back: what survives a reload or a restart (every open tab's conversation,
// graph, layout, selection and the nodes' latest results; which tab is shown), and nothing of the transient UI
// (undo history, notices, streams).
import { SESSION_VERSION, type SessionDocument, type SessionTab, type StudioSession } from '../../src-shared/session';
import type { NodeRuns } from './run-state';
import type { StudioState } from './studio-state';
import { emptyDocument, tabDocument, type TabDocument } from './tab-document';

/** The parts of the state a session is made of (a save is due when one of them changes identity). */
export const SESSION_KEYS = [
  'conversationId', 'tasks', 'selections', 'changed', 'layout', 'selectedTaskIds', 'chat', 'runs', 'run', 'readOnly', 'origin', 'edited',
  'tabId', 'tabs', 'parked',
] as const satisfies readonly (keyof StudioState)[];

/** One tab's document as it is saved. */
function savedDocument(d: TabDocument): SessionDocument {
  return {
    ...(d.conversationId ? { conversationId: d.conversationId } : {}),
    tasks: d.tasks,
    selections: d.selections,
    changed: d.changed,
    positions: Object.fromEntries(Object.entries(d.layout.positions).map(([id, xy]) => [id, { x: xy.x, y: xy.y }])),
    selectedTaskIds: d.selectedTaskIds,
    chat: d.chat,
    runs: d.runs as unknown as SessionDocument['runs'],
    ...(d.run.lastRunId ? { lastRunId: d.run.lastRunId } : {}),
    ...(d.readOnly ? { readOnlyRunId: d.readOnly.runId } : {}),
    ...(d.origin ? { origin: d.origin } : {}),
    ...(d.edited ? { edited: true } : {}),
  };
}

/** The session to save for `s`. */
export function sessionOf(s: StudioState, now = Date.now()): StudioSession {
  return {
    version: SESSION_VERSION,
    savedAt: now,
    activeTab: s.tabId,
    tabs: s.tabs.map((id): SessionTab => ({ id, ...savedDocument(tabDocument(s, id)) })),
  };
}

/**
 * A saved document as the store holds it. Nodes that were queued or running when the window closed did not
 * finish (their run's events are gone): they show as cancelled. A message that was streaming keeps its text.
 */
function restoredDocument(saved: SessionDocument): TabDocument {
  const runs: NodeRuns = {};
  for (const [id, raw] of Object.entries(saved.runs)) {
    const run = raw as unknown as NodeRuns[number];
    runs[Number(id)] = ['queued', 'running'].includes(run.status) ? { ...run, status: 'cancelled', progress: undefined } : run;
  }
  const live = new Set(saved.tasks.map((t) => t.id));
  const selectedTaskIds = saved.selectedTaskIds.filter((id) => live.has(id));
  return {
    ...emptyDocument(),
    conversationId: saved.conversationId,
    tasks: saved.tasks,
    selections: saved.selections,
    changed: saved.changed,
    runs,
    run: { starting: false, early: [], lastRunId: saved.lastRunId },
    layout: { positions: Object.fromEntries(Object.entries(saved.positions).map(([id, xy]) => [Number(id), xy])), sizes: {}, layoutRequest: 0 },
    selectedTaskIds,
    selectedTaskId: selectedTaskIds[0],
    chat: saved.chat.map((m) => (m.streaming ? { ...m, streaming: false } : m)),
    readOnly: saved.readOnlyRunId ? { runId: saved.readOnlyRunId } : undefined,
    origin: saved.origin,
    edited: saved.edited ?? false,
  };
}

/** The state a saved session restores: its tabs, the one that was shown at the top level. */
export function restoredState(session: StudioSession): Partial<StudioState> {
  const parked: Record<string, TabDocument> = {};
  for (const { id, ...saved } of session.tabs) if (id !== session.activeTab) parked[id] = restoredDocument(saved);
  const shown = session.tabs.find((t) => t.id === session.activeTab) ?? session.tabs[0];
  return {
    ...restoredDocument(shown),
    tabId: shown.id,
    tabs: session.tabs.map((t) => t.id),
    parked,
    planning: false,
    responding: false,
  };
}
