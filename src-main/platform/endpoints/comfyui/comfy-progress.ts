// Following a queued ComfyUI prompt to its end: its /ws messages where the socket opens (progress
// `{type: "progress", data: {value, max, prompt_id}}`, and `executing` with `node: null` or
// `execution_success` / `execution_error` when it ends), and polling GET /history/<id> in any case.
import WebSocket from 'ws';
import type { CallProgress } from '../../../engine/inference';
import type { ComfyClient, ComfyHistoryEntry } from './comfy-client';

/** How long to wait for the socket to open before going on with polling alone. */
const SOCKET_OPEN_MS = 2_000;

/** The progress socket of one client id. */
export interface ProgressFeed {
  close(): void;
}

/** What the feed reports (ComfyUI sends a prompt's messages to the client id that queued it). */
export interface FeedListener {
  progress(progress: CallProgress): void;
  ended(): void;
}

/** Opens ComfyUI's /ws for `clientId`; undefined when it does not open (polling then does the work). */
export function openProgressFeed(base: string, clientId: string, listener: FeedListener, headers: Record<string, string> = {}): Promise<ProgressFeed | undefined> {
  const url = `${base.replace(/^http/, 'ws')}/ws?clientId=${encodeURIComponent(clientId)}`;
  return new Promise((resolve) => {
    let socket: WebSocket;
    try {
      socket = new WebSocket(url, { handshakeTimeout: SOCKET_OPEN_MS, headers });
    } catch {
      resolve(undefined);
      return;
    }
    const timer = setTimeout(() => fail(), SOCKET_OPEN_MS);
    const fail = () => {
      clearTimeout(timer);
      socket.terminate();
      resolve(undefined);
    };
    socket.once('error', fail);
    socket.once('open', () => {
      clearTimeout(timer);
      socket.off('error', fail);
      socket.on('error', () => undefined);
      resolve({ close: () => socket.terminate() });
    });
    let lastTenth = -1;
    socket.on('message', (data, isBinary) => {
      if (isBinary) return; // preview images
      let message: { type?: string; data?: Record<string, unknown> };
      try {
        message = JSON.parse(String(data));
      } catch {
        return;
      }
      if (message.type === 'progress') {
        const value = Number(message.data?.value);
        const max = Number(message.data?.max);
        // Every tenth of the way (a sampler may report hundreds of steps): enough for a progress bar.
        const tenth = Math.floor((value / max) * 10);
        if (Number.isFinite(value) && Number.isFinite(max) && max > 0 && (tenth !== lastTenth || value === max)) {
          lastTenth = tenth;
          listener.progress({ message: `ComfyUI: step ${value} of ${max}`, fraction: Math.min(1, Math.max(0, value / max)) });
        }
      } else if ((message.type === 'executing' && message.data?.node === null) || message.type === 'execution_success' || message.type === 'execution_error' || message.type === 'execution_interrupted') {
        listener.ended();
      }
    });
  });
}

/**
 * Polls /history until the prompt has ended: soon at first (short prompts end fast), then every `pollMs`,
 * and at once when `wake` fires; stops when `signal` aborts.
 */
export async function waitForHistory(
  client: ComfyClient,
  promptId: string,
  options: { pollMs: number; signal: AbortSignal; wake: { next: () => Promise<void> } },
): Promise<ComfyHistoryEntry> {
  for (let poll = 0; ; poll++) {
    const entry = await client.history(promptId);
    if (entry) return entry;
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        options.signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, Math.min(options.pollMs, 50 * 2 ** poll));
      options.signal.addEventListener('abort', done, { once: true });
      void options.wake.next().then(done);
    });
    options.signal.throwIfAborted();
  }
}

/** A wake-up others can wait on, fired again and again. */
export function wakeSignal(): { fire: () => void; next: () => Promise<void> } {
  let resolveNext: () => void = () => undefined;
  let current = new Promise<void>((resolve) => (resolveNext = resolve));
  return {
    fire: () => {
      resolveNext();
      current = new Promise<void>((resolve) => (resolveNext = resolve));
    },
    next: () => current,
  };
}
