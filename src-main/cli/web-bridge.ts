// The web bridge behind `hugginggpt serve`: the built renderer over HTTP and the contract over a WebSocket,
// on 127.0.0.1 only. Same messages as Electron IPC: {id, method, params} -> {id, result} | {id, error}; events {event, payload}.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { INVOKE_CHANNELS, type EventChannel, type EventMap, type InvokeChannel, type StudioHandlers } from '../../src-shared/contract';
import { contentTypeOfName } from '../../src-shared/file-kinds';
import { RESOURCE_FILE_PATTERN } from '../../src-shared/resources';
import { toContractError } from '../../src-shared/contract-error';

/** The built renderer's own files; stored resources are typed by src-shared/file-kinds.ts. */
const PAGE_CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon', '.woff2': 'font/woff2',
};
const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

/** What the bridge serves. */
export interface WebBridgeOptions {
  port: number;
  rendererDir: string;
  resourcesDir: string;
  handlers: StudioHandlers;
}

/** A running bridge: its address, a way to push events to every open page, and a way to stop it. */
export interface WebBridge {
  url: string;
  emit<K extends EventChannel>(channel: K, payload: EventMap[K]): void;
  close(): Promise<void>;
}

const isChannel = (value: unknown): value is InvokeChannel => (INVOKE_CHANNELS as readonly unknown[]).includes(value);

/** Serves a file under `root`, refusing anything that escapes it. */
async function serveFile(res: ServerResponse, root: string, relative: string, cacheable: boolean): Promise<boolean> {
  const path = normalize(join(root, relative));
  if (path !== root && !path.startsWith(root.endsWith(sep) ? root : root + sep)) return false;
  const info = await stat(path).catch(() => undefined);
  if (!info?.isFile()) return false;
  res.writeHead(200, {
    'Content-Type': PAGE_CONTENT_TYPES[extname(path).toLowerCase()] ?? contentTypeOfName(path),
    'Content-Length': info.size,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': cacheable ? 'max-age=31536000, immutable' : 'no-cache',
  });
  createReadStream(path).pipe(res);
  return true;
}

/** Only pages served by this bridge (or no browser at all) may talk to it: blocks other sites and DNS rebinding. */
function isTrustedRequest(req: IncomingMessage, port: number): boolean {
  const hosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  if (!hosts.includes(req.headers.host ?? '')) return false;
  const origin = req.headers.origin;
  return origin === undefined || hosts.some((h) => origin === `http://${h}`);
}

async function handleHttp(req: IncomingMessage, res: ServerResponse, options: WebBridgeOptions, port: number): Promise<void> {
  if (!isTrustedRequest(req, port)) {
    res.writeHead(403).end('forbidden');
    return;
  }
  const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
  if (path.startsWith('/resources/')) {
    const file = path.slice('/resources/'.length);
    if (RESOURCE_FILE_PATTERN.test(file) && (await serveFile(res, options.resourcesDir, file, true))) return;
    res.writeHead(404).end('not found');
    return;
  }
  const relative = path === '/' ? 'index.html' : path.slice(1);
  if (await serveFile(res, options.rendererDir, relative, relative.startsWith('assets/'))) return;
  if (!extname(path) && (await serveFile(res, options.rendererDir, 'index.html', false))) return;
  res.writeHead(404).end('not found');
}

async function handleMessage(socket: WebSocket, data: string, handlers: StudioHandlers): Promise<void> {
  let message: { id?: unknown; method?: unknown; params?: unknown };
  try {
    message = JSON.parse(data);
  } catch {
    socket.send(JSON.stringify({ id: null, error: { message: 'message is not JSON', kind: 'bad-request' } }));
    return;
  }
  const { id, method, params } = message;
  try {
    if (!isChannel(method)) throw Object.assign(new Error(`unknown method "${String(method)}"`), { kind: 'bad-request' });
    const result = await (handlers[method] as (req: unknown) => Promise<unknown>)(params);
    socket.send(JSON.stringify({ id, result: result ?? null }));
  } catch (error) {
    socket.send(JSON.stringify({ id, error: toContractError(error) }));
  }
}

/**
 * Starts the bridge on 127.0.0.1.
 * @example const bridge = await startWebBridge({ port: 0, rendererDir, resourcesDir, handlers })
 */
export async function startWebBridge(options: WebBridgeOptions): Promise<WebBridge> {
  let port = options.port;
  const server = createServer((req, res) => {
    handleHttp(req, res, options, port).catch(() => res.writeHead(500).end('internal error'));
  });
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  server.on('upgrade', (req, socket, head) => {
    if (new URL(req.url ?? '/', 'http://127.0.0.1').pathname !== '/ws' || !isTrustedRequest(req, port)) {
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(req, socket, head, (ws) => {
      ws.on('message', (data) => void handleMessage(ws, data.toString(), options.handlers));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
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
