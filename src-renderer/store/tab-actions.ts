// Store actions for tabs: each tab holds its own conversation and graph; showing another tab parks the shown
// one's document and brings the other's to the top level, where every other action works on it unchanged.
import type { RunEvent } from '../../src-shared/run-events';
import type { GraphOrigin } from './history-actions';
import { applyRunEvent } from './run-state';
import type { StudioState } from './studio-state';
import { documentOf, emptyDocument, isBlank, newTabId, tabDocument, type TabDocument } from './tab-document';

type Set = (partial: Partial<StudioState> | ((s: StudioState) => Partial<StudioState>)) => void;
type Get = () => StudioState;

/** The tab actions of the store. */
export type TabActions = {
  /** Opens an empty tab and shows it; returns its id (undefined while the shown tab is busy). */
  newTab(): string | undefined;
  /** Shows tab `id`; false (with a notice) while the shown tab is planning, starting a run or answering. */
  showTab(id: string): boolean;
  /** Shows the tab `step` places to the right (negative: left) of the shown one, wrapping around; false as showTab. */
  showAdjacentTab(step: 1 | -1): boolean;
  /** Closes tab `id` (a run it started keeps running and stays in the run history); the last tab becomes empty. */
  closeTab(id: string): void;
  /**
   * Makes room for a graph from the library: shows the tab that already holds `origin` ('existing'), or else a
   * blank tab, the shown one when it is blank or a new one ('blank'); 'busy' when the shown tab cannot be left.
   */
  tabFor(origin: GraphOrigin | undefined): 'existing' | 'blank' | 'busy';
};

/** Why the shown tab cannot be left right now, if it cannot. */
export function busyReason(s: Pick<StudioState, 'planning' | 'responding' | 'run'>): string | undefined {
  if (s.planning) return 'the plan is still arriving';
  if (s.run.starting) return 'the run is starting';
  if (s.responding) return 'the answer is still being written';
  return undefined;
}

const sameOrigin = (a: GraphOrigin | undefined, b: GraphOrigin): boolean =>
  a?.kind === 'workflow' && b.kind === 'workflow' ? a.id === b.id : a?.kind === 'run' && b.kind === 'run' && a.runId === b.runId;

/** The state that shows `doc` as tab `id`, the shown tab parked. The canvas lays it out as on a reload. */
function showing(s: StudioState, id: string, doc: TabDocument): Partial<StudioState> {
  const parked = { ...s.parked, [s.tabId]: documentOf(s) };
  delete parked[id];
  return { ...doc, tabId: id, parked, layout: { positions: doc.layout.positions, sizes: {}, layoutRequest: 0 }, notice: undefined };
}

/** A run event for a tab that is not shown: applied to that tab's nodes (undefined when no tab ran it). */
export function parkedRunEvent(s: StudioState, event: RunEvent): Partial<StudioState> | undefined {
  const entry = Object.entries(s.parked).find(([, d]) => d.run.activeRunId === event.runId);
  if (!entry) return undefined;
  const [id, doc] = entry;
  const run = event.type === 'run-finished' ? { ...doc.run, summary: event.summary } : doc.run;
  return { parked: { ...s.parked, [id]: { ...doc, runs: applyRunEvent(doc.runs, event), run } } };
}

/** Creates the tab actions over `set`/`get`. */
export function createTabActions(set: Set, get: Get): TabActions {
  const refuse = (why: string) =>
    set((s) => ({ notice: { message: `Wait a moment: ${why}.`, tone: 'info', seq: (s.notice?.seq ?? 0) + 1 } }));

  const actions: TabActions = {
    newTab() {
      const s = get();
      const why = busyReason(s);
      if (why) return void refuse(why);
      const id = newTabId();
      set({ ...showing(s, id, emptyDocument()), tabs: [...s.tabs, id] });
      return id;
    },
    showTab(id) {
      const s = get();
      if (id === s.tabId) return true;
      if (!s.parked[id]) return false;
      const why = busyReason(s);
      if (why) return refuse(why), false;
      set(showing(s, id, s.parked[id]));
      return true;
    },
    showAdjacentTab(step) {
      const { tabs, tabId } = get();
      return actions.showTab(tabs[(tabs.indexOf(tabId) + step + tabs.length) % tabs.length]);
    },
    closeTab(id) {
      const s = get();
      if (!s.tabs.includes(id)) return;
      if (id !== s.tabId) {
        const parked = { ...s.parked };
        delete parked[id];
        return set({ parked, tabs: s.tabs.filter((t) => t !== id) });
      }
      const why = busyReason(s);
      if (why) return refuse(why);
      const at = s.tabs.indexOf(id);
      const tabs = s.tabs.filter((t) => t !== id);
      const next = tabs[Math.min(at, tabs.length - 1)];
      if (next === undefined) {
        const fresh = newTabId();
        return set({ ...emptyDocument(), tabId: fresh, tabs: [fresh], notice: undefined });
      }
      const shown = showing(s, next, s.parked[next]);
      delete shown.parked![id];
      set({ ...shown, tabs });
    },
    tabFor(origin) {
      const s = get();
      const holder = origin && s.tabs.find((id) => sameOrigin(tabDocument(s, id).origin, origin));
      if (holder) return actions.showTab(holder) ? 'existing' : 'busy';
      if (isBlank(s)) return 'blank';
      return actions.newTab() ? 'blank' : 'busy';
    },
  };
  return actions;
}

