// The HTTP side of the web bridge: the built renderer and stored resources, from trusted requests only, with
// headers that keep other sites from framing the page (clickjacking) or reading the store.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { contentSecurityPolicy } from '../../src-shared/content-security-policy';
import { contentTypeOfName } from '../../src-shared/file-kinds';
import { RESOURCE_FILE_PATTERN } from '../../src-shared/resources';

/** The built renderer's own files; stored resources are typed by src-shared/file-kinds.ts. */
const PAGE_CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon', '.woff2': 'font/woff2',
};

/** The host names (with port) the bridge answers to: anything else is another site or DNS rebinding. */
export const bridgeHosts = (port: number): string[] => [`127.0.0.1:${port}`, `localhost:${port}`];

/** Only pages served by this bridge (or no browser at all) may talk to it: blocks other sites and DNS rebinding. */
export function isTrustedRequest(req: IncomingMessage, port: number): boolean {
  const hosts = bridgeHosts(port);
  if (!hosts.includes(req.headers.host ?? '')) return false;
  const origin = req.headers.origin;
  return origin === undefined || hosts.some((h) => origin === `http://${h}`);
}

/** Headers on every answer: never framed by another site, no type sniffing. */
function baseHeaders(port: number): OutgoingHttpHeaders {
  return {
    'Content-Security-Policy': contentSecurityPolicy({ bridgeHosts: bridgeHosts(port) }),
    'X-Frame-Options': 'DENY',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  };
}

/** Stored files: only our pages may embed them, and they run nothing if opened directly. */
const RESOURCE_HEADERS: OutgoingHttpHeaders = {
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Content-Security-Policy': "default-src 'none'; sandbox; frame-ancestors 'none'",
};

function plain(res: ServerResponse, port: number, status: number, text: string): void {
  res.writeHead(status, { ...baseHeaders(port), 'Content-Type': 'text/plain; charset=utf-8' }).end(text);
}

/** Serves a file under `root`, refusing anything that escapes it. */
async function serveFile(res: ServerResponse, headers: OutgoingHttpHeaders, root: string, relative: string, cacheable: boolean): Promise<boolean> {
  const path = normalize(join(root, relative));
  if (path !== root && !path.startsWith(root.endsWith(sep) ? root : root + sep)) return false;
  const info = await stat(path).catch(() => undefined);
  if (!info?.isFile()) return false;
  res.writeHead(200, {
    ...headers,
    'Content-Type': PAGE_CONTENT_TYPES[extname(path).toLowerCase()] ?? contentTypeOfName(path),
    'Content-Length': info.size,
    'Cache-Control': cacheable ? 'max-age=31536000, immutable' : 'no-cache',
  });
  createReadStream(path).pipe(res);
  return true;
}

/** Answers one HTTP request: 403 for untrusted ones, 400 for a malformed path, 404 for anything not served. */
export async function handleHttp(req: IncomingMessage, res: ServerResponse, dirs: { rendererDir: string; resourcesDir: string }, port: number): Promise<void> {
  if (!isTrustedRequest(req, port)) return plain(res, port, 403, 'forbidden');
  let path: string;
  try {
    path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
  } catch {
    return plain(res, port, 400, 'malformed URL escape');
  }
  const headers = baseHeaders(port);
  if (path.startsWith('/resources/')) {
    const file = path.slice('/resources/'.length);
    if (RESOURCE_FILE_PATTERN.test(file) && (await serveFile(res, { ...headers, ...RESOURCE_HEADERS }, dirs.resourcesDir, file, true))) return;
    return plain(res, port, 404, 'not found');
  }
  const relative = path === '/' ? 'index.html' : path.slice(1);
  if (await serveFile(res, headers, dirs.rendererDir, relative, relative.startsWith('assets/'))) return;
  if (!extname(path) && (await serveFile(res, headers, dirs.rendererDir, 'index.html', false))) return;
  plain(res, port, 404, 'not found');
}
