// The only file touching ipcRenderer: exposes `window.studio`, one method per contract channel plus event subscriptions.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { EVENT_CHANNELS, INVOKE_CHANNELS, type EventChannel, type EventMap } from '../../src-shared/contract';
import { DESKTOP_CHANNELS, type IpcEnvelope, type StudioPreloadApi } from '../../src-shared/preload-api';

/** Calls main and unwraps the envelope; failures reject with a plain `{ message, kind }` (it crosses the bridge whole). */
async function invoke(channel: string, req: unknown): Promise<unknown> {
  let envelope: IpcEnvelope<unknown>;
  try {
    envelope = (await ipcRenderer.invoke(channel, req)) as IpcEnvelope<unknown>;
  } catch (error) {
    return Promise.reject({ message: error instanceof Error ? error.message : String(error), kind: 'internal' });
  }
  return envelope.ok ? envelope.value : Promise.reject({ message: envelope.error.message, kind: envelope.error.kind });
}

function subscribe<K extends EventChannel>(channel: K, listener: (payload: EventMap[K]) => void): () => void {
  if (!(EVENT_CHANNELS as readonly string[]).includes(channel)) throw new Error(`unknown event channel "${String(channel)}"`);
  // The IPC event object (with its sender) never reaches the page: only the payload does.
  const forward = (_event: IpcRendererEvent, payload: EventMap[K]): void => listener(payload);
  ipcRenderer.on(channel, forward);
  return () => {
    ipcRenderer.removeListener(channel, forward);
  };
}

const api = {
  ...Object.fromEntries(INVOKE_CHANNELS.map((channel) => [channel, (req: unknown) => invoke(channel, req)])),
  openDataFolder: () => invoke(DESKTOP_CHANNELS.openDataFolder, undefined),
  subscribe,
} as unknown as StudioPreloadApi;

contextBridge.exposeInMainWorld('studio', api);
