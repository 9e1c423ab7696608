// The studio's one zustand store (framework-free; React reads it through selectors in store/use-studio.ts).
import { createStore, type StoreApi } from 'zustand/vanilla';
import { createEditActions, type EditActions } from './edit-actions';
import { createSessionActions, type SessionActions } from './session-actions';
import { initialStudioState, type StudioState } from './studio-state';

/** The store's state with its actions. */
export type Studio = StudioState & EditActions & SessionActions;

/** The store type handed to the controller and the React hooks. */
export type StudioStore = StoreApi<Studio>;

/** Creates an empty studio store. */
export function createStudioStore(initial: Partial<StudioState> = {}): StudioStore {
  return createStore<Studio>()((set, get) => ({
    ...initialStudioState(),
    ...initial,
    ...createEditActions(set, get),
    ...createSessionActions(set, get),
  }));
}
