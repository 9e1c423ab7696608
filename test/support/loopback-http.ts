// How every loopback fake listens: HTTP on 127.0.0.1 at a port the system picks (port 0), each request handed
// over with its URL already parsed, and closed together with its open connections (fetch keeps sockets alive,
// and server.close() alone would wait for them).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Answers one request; `url` is the request's URL on this server (`http://127.0.0.1:<port>/...`). */
export type LoopbackHandler = (req: IncomingMessage, res: ServerResponse, url: URL) => unknown;

/** A route table: answers the requests it knows and returns true, returns false for the others (so tables compose with `||`). */
export type RouteTable = (req: IncomingMessage, res: ServerResponse, url: URL) => boolean;

/** A listening fake. */
export interface LoopbackServer {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  url: string;
  server: Server;
  /** Closes the server and every open connection; closing twice is harmless. */
  close(): Promise<void>;
}

/**
 * Starts an HTTP server on 127.0.0.1 (port 0) that hands every request to `handle`.
 * @example const fake = await listenOnLoopback((req, res, url) => routes(req, res, url) || res.writeHead(404).end());
 */
export async function listenOnLoopback(handle: LoopbackHandler): Promise<LoopbackServer> {
  let url = '';
  const server = createServer((req, res) => void handle(req, res, new URL(req.url ?? '/', url)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
