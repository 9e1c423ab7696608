// The studio's one zustand store (framework-free; React reads it through selectors in store/use-studio.ts).
import { createStore, type StoreApi } from 'zustand/vanilla';
import { createEditActions, type EditActions } from './edit-actions';
import { createHistoryActions, type HistoryActions } from './history-actions';
import { createSessionActions, type SessionActions } from './session-actions';
import { initialStudioState, type StudioState } from './studio-state';
import { createTabActions, type TabActions } from './tab-actions';

/** The store's state with its actions. */
export type Studio = StudioState & EditActions & SessionActions & HistoryActions & TabActions;

/** The store type handed to the controller and the React hooks. */
export type StudioStore = StoreApi<Studio>;

/** Creates an empty studio store. */
export function createStudioStore(initial: Partial<StudioState> = {}): StudioStore {
  return createStore<Studio>()((set, get) => ({
    ...initialStudioState(),
    ...initial,
    ...readOnlyGuarded(createEditActions(set, get), get, set),
    ...createSessionActions(set, get),
    ...createHistoryActions(set),
    ...createTabActions(set, get),
  }));
}

/** A past run shown on the canvas cannot be edited: every edit is refused with a notice until it is adopted. */
function readOnlyGuarded(actions: EditActions, get: () => StudioState, set: (p: (s: StudioState) => Partial<StudioState>) => void): EditActions {
  const guarded = {} as Record<string, unknown>;
  for (const [name, action] of Object.entries(actions) as [string, (...args: unknown[]) => unknown][]) {
    guarded[name] = (...args: unknown[]) => {
      if (!get().readOnly) return action(...args);
      set((s) => ({ notice: { message: 'This past run is read-only: press "Edit from this run" to change it.', tone: 'info', seq: (s.notice?.seq ?? 0) + 1 } }));
      return name === 'addTask' ? -1 : name === 'pasteTasks' ? [] : false;
    };
  }
  return guarded as EditActions;
}
