// A loopback engine for browser tests: serves the built renderer and speaks the `serve` wire protocol
// (WebSocket `/ws` with {id, method, params} -> {id, result|error}, pushed {event, payload}; `/resources/<file>`).
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { PNG } from 'pngjs';
import { WebSocketServer, type WebSocket } from 'ws';

/** What a handler may do besides answering: push events to the page. */
export type EngineContext = { emit: (event: string, payload: unknown) => void };
/** One handler per channel; a thrown `{message, kind}` becomes an error answer. */
export type EngineHandlers = Record<string, (params: any, ctx: EngineContext) => unknown>;

/** A running fake engine. */
export type FakeEngine = { url: string; calls: { method: string; params: any }[]; resources: Map<string, Buffer>; close: () => Promise<void> };

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.png': 'image/png', '.wav': 'audio/wav', '.svg': 'image/svg+xml' };

/** A solid-colour PNG, as the engine would store for an image output. */
export function pngBytes(width = 64, height = 48, rgb: [number, number, number] = [240, 120, 40]): Buffer {
  const png = new PNG({ width, height });
  for (let i = 0; i < width * height; i++) png.data.set([...rgb, 255], i * 4);
  return PNG.sync.write(png);
}

/** A fresh window with no saved session (a test may give its own `session.*` handlers). */
const SESSION_DEFAULTS: EngineHandlers = { 'session.load': () => ({ session: null }), 'session.save': () => undefined };

/** Starts the fake engine on 127.0.0.1 (random port). */
export async function startFakeEngine(handlers: EngineHandlers): Promise<FakeEngine> {
  const root = resolve('out/renderer');
  const resources = new Map<string, Buffer>();
  const calls: FakeEngine['calls'] = [];
  const server: Server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path.startsWith('/resources/')) {
      const body = resources.get(path.slice('/resources/'.length));
      res.writeHead(body ? 200 : 404, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(body);
      return;
    }
    const file = join(root, path === '/' ? 'index.html' : path);
    if (!file.startsWith(root)) return void res.writeHead(403).end();
    const body = await readFile(file).catch(() => undefined);
    if (!body) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
  });
  const sockets = new Set<WebSocket>();
  const wss = new WebSocketServer({ server, path: '/ws' });
  const emit = (event: string, payload: unknown) => sockets.forEach((s) => s.send(JSON.stringify({ event, payload })));
  wss.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('message', async (raw) => {
      const { id, method, params } = JSON.parse(String(raw));
      calls.push({ method, params });
      const handler = handlers[method] ?? SESSION_DEFAULTS[method];
      try {
        if (!handler) throw { message: `no handler for ${method}`, kind: 'internal' };
        socket.send(JSON.stringify({ id, result: (await handler(params, { emit })) ?? null }));
      } catch (e: any) {
        socket.send(JSON.stringify({ id, error: { message: e?.message ?? String(e), kind: e?.kind ?? 'internal' } }));
      }
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/`,
    calls,
    resources,
    close: () => new Promise<void>((ok) => {
      sockets.forEach((s) => s.terminate());
      wss.close();
      server.close(() => ok());
    }),
  };
}
