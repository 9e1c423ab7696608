// Keeps the open session in the data folder through the contract: restores it at start, then saves it
// (debounced) whenever the conversation, graph, layout, selection or results change.
import { messageOf } from '../../src-shared/contract-error';
import type { StudioClient } from '../api/transport';
import { restoredState, SESSION_KEYS, sessionOf } from '../store/session-snapshot';
import type { StudioStore } from '../store/studio-store';
import { isBlank } from '../store/tab-document';

/** The running persistence: `ready` settles once the saved session is restored (or found absent). */
export type SessionPersistence = { ready: Promise<void>; flush(): Promise<void>; dispose(): void };


/** Restores the saved session into `store`, then saves every change `delayMs` after the last one. */
export function persistSession(client: StudioClient, store: StudioStore, delayMs = 300): SessionPersistence {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let unsubscribe = () => {};
  let failedOnce = false;

  const save = async (): Promise<void> => {
    timer = undefined;
    try {
      await client.invoke('session.save', sessionOf(store.getState()));
      failedOnce = false;
    } catch (e) {
      // Told once per failure streak, not on every keystroke.
      if (!failedOnce) store.getState().notify(`The session could not be saved: ${messageOf(e)}`, 'error');
      failedOnce = true;
    }
  };

  const ready = (async () => {
    try {
      const { session, problem } = await client.invoke('session.load', undefined);
      const s = store.getState();
      // Nothing the user did while the session loaded is overwritten.
      if (session && isBlank(s)) store.setState(restoredState(session));
      if (problem) store.getState().notify(problem, 'error');
    } catch (e) {
      store.getState().notify(`The saved session could not be loaded: ${messageOf(e)}`, 'error');
    }
    // Saving starts only after loading, so an empty window never overwrites the saved session.
    unsubscribe = store.subscribe((next, prev) => {
      if (!SESSION_KEYS.some((k) => next[k] !== prev[k])) return;
      clearTimeout(timer);
      timer = setTimeout(() => void save(), delayMs);
    });
  })();

  return {
    ready,
    async flush() {
      if (timer === undefined) return;
      clearTimeout(timer);
      await save();
    },
    dispose() {
      clearTimeout(timer);
      unsubscribe();
    },
  };
}
