// The only file touching ipcMain: one handler per contract channel, every sender checked, errors as values.
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { INVOKE_CHANNELS, type EmitEvent, type StudioHandlers } from '../../src-shared/contract';
import { DESKTOP_CHANNELS, type IpcEnvelope } from '../../src-shared/preload-api';
import { toContractError } from '../../src-shared/contract-error';

/** What the IPC handlers serve and whom they trust. */
export interface IpcOptions {
  /** The engine's handlers; a failure to start them reaches the UI as the error of every call. */
  handlers: Promise<StudioHandlers>;
  /** Whether a frame URL is our renderer page. */
  isTrustedUrl: (url: string | undefined) => boolean;
  openDataFolder: () => Promise<void>;
  log?: (message: string) => void;
}

/** A message from anything but our top-level renderer page is refused. */
function isTrustedEvent(event: IpcMainInvokeEvent, isTrustedUrl: IpcOptions['isTrustedUrl']): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isTrustedUrl(frame.url);
}

/** Runs one call, turning any error into a contract error value (a thrown error would reach the page as a flat string). */
async function answer<T>(event: IpcMainInvokeEvent, options: IpcOptions, channel: string, run: () => Promise<T>): Promise<IpcEnvelope<T>> {
  if (!isTrustedEvent(event, options.isTrustedUrl)) {
    options.log?.(`refused IPC "${channel}" from ${event.senderFrame?.url ?? 'an unknown frame'}`);
    return { ok: false, error: { message: 'This page may not talk to HuggingGPT Studio.', kind: 'forbidden' } };
  }
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    return { ok: false, error: toContractError(error) };
  }
}

/**
 * Registers the contract's handlers and the desktop-only ones; returns the function that removes them.
 * @example registerIpcHandlers({ handlers: runtime, isTrustedUrl, openDataFolder })
 */
export function registerIpcHandlers(options: IpcOptions): () => void {
  for (const channel of INVOKE_CHANNELS) {
    ipcMain.handle(channel, (event, req: unknown) =>
      answer(event, options, channel, async () => ((await options.handlers)[channel] as (r: unknown) => Promise<unknown>)(req)),
    );
  }
  ipcMain.handle(DESKTOP_CHANNELS.openDataFolder, (event) => answer(event, options, DESKTOP_CHANNELS.openDataFolder, options.openDataFolder));
  return () => {
    for (const channel of [...INVOKE_CHANNELS, DESKTOP_CHANNELS.openDataFolder]) ipcMain.removeHandler(channel);
  };
}

/**
 * The engine's `emit`: sends each event to the renderer window when it is there (events while it is closed are dropped).
 * @example createStudioRuntime({ dataDir, settingsStore, emit: createEventForwarder(() => mainWindow?.webContents) })
 */
export function createEventForwarder(target: () => WebContents | undefined): EmitEvent {
  return (channel, payload) => {
    const contents = target();
    if (contents && !contents.isDestroyed()) contents.send(channel, payload);
  };
}
