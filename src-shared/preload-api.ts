// What the desktop app's preload exposes as `window.studio`: one method per invoke channel, named exactly as
// the channel, plus subscriptions to the event channels and the few desktop-only capabilities.
import type { EventChannel, EventMap, InvokeChannel, InvokeMap } from './contract';

/** One method per invoke channel: `window.studio['settings.get']()`. Rejections are `{ message, kind }`. */
export type StudioInvokeApi = { [K in InvokeChannel]: (req: InvokeMap[K]['req']) => Promise<InvokeMap[K]['res']> };

/** Capabilities only the desktop app has (a browser tab on `hugginggpt serve` lacks them). */
export interface StudioDesktopApi {
  /** Opens the data folder in the OS file manager. */
  openDataFolder(): Promise<void>;
}

/** The whole `window.studio` object. */
export type StudioPreloadApi = StudioInvokeApi &
  StudioDesktopApi & {
    /** Listens to one event channel; returns the function that stops listening. */
    subscribe<K extends EventChannel>(channel: K, listener: (payload: EventMap[K]) => void): () => void;
  };

/** The IPC channels of StudioDesktopApi (outside the engine contract: answered by the Electron glue itself). */
export const DESKTOP_CHANNELS = { openDataFolder: 'app.openDataFolder' } as const;

/** What crosses IPC for every invoke: a value or a contract error (Electron would flatten a thrown error to a string). */
export type IpcEnvelope<T> = { ok: true; value: T } | { ok: false; error: { message: string; kind: string } };
