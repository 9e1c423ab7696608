// One tab's document: the parts of the state that belong to the graph and conversation shown in a tab, swapped
// out when another tab is shown. Everything else in the state (notices, planning flags, UI) is the window's.
import { initialStudioState, type StudioState } from './studio-state';

/** The state keys that belong to a tab (its conversation, graph, layout, runs, selection and undo history). */
export const TAB_KEYS = [
  'conversationId', 'planRequestId', 'tasks', 'selections', 'issues', 'changed', 'runs', 'run', 'layout', 'selectedTaskId',
  'selectedTaskIds', 'selectedEdgeIds', 'past', 'future', 'edited', 'chat', 'responseRequestId', 'readOnly', 'origin',
] as const satisfies readonly (keyof StudioState)[];

/** A tab's document as it is kept while another tab is shown. */
export type TabDocument = Pick<StudioState, (typeof TAB_KEYS)[number]>;

/** The document of the tab shown in `s`. */
export function documentOf(s: StudioState): TabDocument {
  return Object.fromEntries(TAB_KEYS.map((k) => [k, s[k]])) as TabDocument;
}

/** The document of tab `id`: the top level of `s` when it is the tab shown, else its parked document. */
export function tabDocument(s: StudioState, id: string): TabDocument {
  return id === s.tabId ? s : s.parked[id];
}

/** An empty tab: no conversation, no graph. */
export function emptyDocument(): TabDocument {
  return documentOf(initialStudioState());
}

/** Whether a document is empty enough to be reused by whatever is opened next. */
export const isBlank = (d: Pick<TabDocument, 'tasks' | 'chat'>): boolean => !d.tasks.length && !d.chat.length;

const TITLE_LENGTH = 32;

/** The name a tab shows: its workflow's name, the run it shows, its first request, or "Untitled". */
export function tabTitle(d: Pick<TabDocument, 'origin' | 'chat' | 'tasks'>): string {
  if (d.origin?.kind === 'workflow') return d.origin.name;
  if (d.origin?.kind === 'run') return `Run ${d.origin.runId}`;
  const request = d.chat.find((m) => m.role === 'user')?.text.trim();
  if (request) return request.length > TITLE_LENGTH ? `${request.slice(0, TITLE_LENGTH - 1)}…` : request;
  return d.tasks.length ? 'Untitled graph' : 'Untitled';
}

let tabSeq = 0;
/** A new tab id, unique across reloads. */
export const newTabId = (): string => `tab-${Date.now().toString(36)}-${++tabSeq}`;
