// The client over the `hugginggpt serve` WebSocket: JSON-RPC-like calls, pushed events, reconnect with backoff.
import type { EventChannel, InvokeChannel } from '../../src-shared/contract';
import { bridgeSubprotocols } from '../../src-shared/bridge-protocol';
import { resourceFileName } from '../../src-shared/resources';
import { ClientError, type StudioClient } from './transport';

/** Whether the socket is usable right now. */
export type ConnectionStatus = 'connecting' | 'open' | 'closed';

/** A WebSocket client that also reports its connection status. */
export interface WebSocketClient extends StudioClient {
  status(): ConnectionStatus;
  onStatus(listener: (status: ConnectionStatus) => void): () => void;
  close(): void;
}

type Pending = { resolve: (v: unknown) => void; reject: (e: ClientError) => void };
type ServerMessage = { id?: number; result?: unknown; error?: { message?: string; kind?: string }; event?: string; payload?: unknown };

const CONNECT_WAIT_MS = 15_000;
const MAX_BACKOFF_MS = 10_000;

/** Connects to `url` (e.g. `ws://127.0.0.1:PORT/ws`) with the bridge's per-launch token; resources load from `resourceBase`. */
export function createWebSocketClient(url: string, resourceBase = '/resources/', token?: string): WebSocketClient {
  let socket: WebSocket | undefined;
  let status: ConnectionStatus = 'connecting';
  let nextId = 1;
  let attempt = 0;
  let closedByUser = false;
  const pending = new Map<number, Pending>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const statusListeners = new Set<(s: ConnectionStatus) => void>();
  const openWaiters = new Set<() => void>();

  const setStatus = (s: ConnectionStatus) => {
    status = s;
    for (const l of statusListeners) l(s);
    if (s === 'open') for (const w of [...openWaiters]) w();
  };

  const connect = () => {
    setStatus('connecting');
    const ws = token ? new WebSocket(url, bridgeSubprotocols(token)) : new WebSocket(url);
    socket = ws;
    ws.onopen = () => {
      attempt = 0;
      setStatus('open');
    };
    ws.onmessage = (e) => handleMessage(typeof e.data === 'string' ? e.data : '');
    ws.onclose = () => {
      if (socket !== ws) return;
      for (const [id, p] of pending) {
        p.reject(new ClientError('The connection to the engine was lost before it answered; try again.', 'network'));
        pending.delete(id);
      }
      setStatus('closed');
      if (closedByUser) return;
      const delay = Math.min(MAX_BACKOFF_MS, 500 * 2 ** attempt++);
      setTimeout(connect, delay);
    };
  };

  const handleMessage = (raw: string) => {
    let msg: ServerMessage;
    try {
      msg = JSON.parse(raw) as ServerMessage;
    } catch {
      return;
    }
    if (typeof msg.event === 'string') {
      for (const l of listeners.get(msg.event) ?? []) l(msg.payload);
      return;
    }
    if (typeof msg.id !== 'number') return;
    const p = pending.get(msg.id);
    if (!p) return;
    pending.delete(msg.id);
    if (msg.error) p.reject(new ClientError(msg.error.message ?? 'The engine reported an error.', msg.error.kind ?? 'internal'));
    else p.resolve(msg.result);
  };

  const whenOpen = () =>
    new Promise<void>((resolve, reject) => {
      if (status === 'open') return resolve();
      const timer = setTimeout(() => {
        openWaiters.delete(done);
        reject(new ClientError('Cannot reach the engine (the WebSocket is not connected).', 'network'));
      }, CONNECT_WAIT_MS);
      const done = () => {
        clearTimeout(timer);
        openWaiters.delete(done);
        resolve();
      };
      openWaiters.add(done);
    });

  connect();

  return {
    kind: 'websocket',
    status: () => status,
    onStatus(listener) {
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },
    close() {
      closedByUser = true;
      socket?.close();
    },
    async invoke(channel: InvokeChannel, req: unknown) {
      await whenOpen();
      const id = nextId++;
      const result = new Promise<unknown>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        socket!.send(JSON.stringify({ id, method: channel, params: req ?? null }));
      });
      return result as Promise<never>;
    },
    on(channel: EventChannel, listener: (payload: never) => void) {
      const set = listeners.get(channel) ?? new Set();
      listeners.set(channel, set);
      const l = listener as (payload: unknown) => void;
      set.add(l);
      return () => set.delete(l);
    },
    resourceUrl(ref) {
      return `${resourceBase}${resourceFileName(ref)}`;
    },
  };
}
