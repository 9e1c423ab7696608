// The web bridge behind `hugginggpt serve`: the built renderer over HTTP and the contract over a WebSocket,
// on 127.0.0.1 only. Same messages as Electron IPC: {id, method, params} -> {id, result} | {id, error}; events {event, payload}.
// A per-launch token guards the WebSocket: it is in the URL `serve` prints (after `#`, so it never reaches a
// server log); the page keeps it for its tab and offers it as a WebSocket subprotocol. Other local clients
// (another user's process, a page of another site) cannot open the socket without it.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { EventChannel, EventMap, StudioHandlers } from '../../src-shared/contract';
import { BRIDGE_PROTOCOL, BRIDGE_TOKEN_PREFIX } from '../../src-shared/bridge-protocol';
import { dispatchContractCall } from '../service/contract-dispatch';
import { handleHttp, isTrustedRequest } from './bridge-http';

/** The largest WebSocket message accepted (an upload's base64); larger frames close that socket only (1009). */
export const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

/** What the bridge serves. */
export interface WebBridgeOptions {
  port: number;
  rendererDir: string;
  resourcesDir: string;
  handlers: StudioHandlers;
  /** The per-launch token (random when omitted). */
  token?: string;
  /** Where problems of single connections are reported (they never stop the bridge). */
  log?: (message: string) => void;
}

/** A running bridge: the page's URL (with the token), a way to push events to every open page, and a way to stop it. */
export interface WebBridge {
  /** `http://127.0.0.1:<port>/#token=<token>`: the address to open. */
  url: string;
  /** `http://127.0.0.1:<port>` */
  origin: string;
  token: string;
  emit<K extends EventChannel>(channel: K, payload: EventMap[K]): void;
  close(): Promise<void>;
}

/** True when the upgrade offers the bridge protocol and the right token among its subprotocols. */
function carriesToken(header: string | undefined, token: string): boolean {
  const offered = (header ?? '').split(',').map((p) => p.trim());
  const given = offered.find((p) => p.startsWith(BRIDGE_TOKEN_PREFIX))?.slice(BRIDGE_TOKEN_PREFIX.length) ?? '';
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return offered.includes(BRIDGE_PROTOCOL) && a.length === b.length && timingSafeEqual(a, b);
}

const reply = (socket: WebSocket, message: unknown) => {
  if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
};

/** Answers one message; anything but `{id, method, params}` JSON gets a `bad-request` error, never a crash. */
async function handleMessage(socket: WebSocket, data: string, handlers: StudioHandlers): Promise<void> {
  let message: unknown;
  try {
    message = JSON.parse(data);
  } catch {
    return reply(socket, { id: null, error: { message: 'message is not JSON', kind: 'bad-request' } });
  }
  if (typeof message !== 'object' || message === null || Array.isArray(message)) {
    return reply(socket, { id: null, error: { message: 'a message is an object {id, method, params}', kind: 'bad-request' } });
  }
  const { id: rawId, method, params } = message as Record<string, unknown>;
  const id = typeof rawId === 'number' || typeof rawId === 'string' ? rawId : null;
  const answer = await dispatchContractCall(handlers, method, params ?? undefined);
  reply(socket, answer.ok ? { id, result: answer.value ?? null } : { id, error: answer.error });
}

/**
 * Starts the bridge on 127.0.0.1.
 * @example const bridge = await startWebBridge({ port: 0, rendererDir, resourcesDir, handlers })
 */
export async function startWebBridge(options: WebBridgeOptions): Promise<WebBridge> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const log = options.log ?? (() => undefined);
  let port = options.port;
  const server = createServer((req, res) => {
    handleHttp(req, res, options, port).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  server.on('clientError', (_error, socket) => socket.destroy());
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES, handleProtocols: (offered) => (offered.has(BRIDGE_PROTOCOL) ? BRIDGE_PROTOCOL : false) });
  sockets.on('error', (error) => log(`websocket server: ${error.message}`));
  server.on('upgrade', (req, socket, head) => {
    socket.on('error', () => socket.destroy());
    if (new URL(req.url ?? '/', 'http://127.0.0.1').pathname !== '/ws' || !isTrustedRequest(req, port)) {
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    if (!carriesToken(req.headers['sec-websocket-protocol'], token)) {
      socket.end('HTTP/1.1 401 Unauthorized\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(req, socket, head, (ws) => {
      // A protocol error (oversized frame, bad opcode, invalid UTF-8) closes this socket; the bridge goes on.
      ws.on('error', (error) => log(`websocket client: ${error.message}`));
      ws.on('message', (data, isBinary) => {
        if (isBinary) return reply(ws, { id: null, error: { message: 'messages are JSON text', kind: 'bad-request' } });
        handleMessage(ws, data.toString(), options.handlers).catch((error: unknown) => log(`websocket message: ${String(error)}`));
      });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/#token=${token}`,
    origin,
    token,
    emit(channel, payload) {
      const text = JSON.stringify({ event: channel, payload });
      for (const client of sockets.clients) if (client.readyState === client.OPEN) client.send(text);
    },
    async close() {
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
