// The `hgs-resource:` protocol: serves files of the resource store to the renderer, and nothing else.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { protocol, type Session } from 'electron';
import { RESOURCE_SCHEME, resolveResourcePath, resourceContentType } from './resource-path';

/** Declares the scheme privileged (call before app `ready`): standard URLs, secure context, fetch and streaming. */
export function registerResourceScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: RESOURCE_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
  ]);
}

const notFound = (): Response => new Response('not found', { status: 404, headers: { 'Content-Type': 'text/plain' } });

/**
 * Serves `hgs-resource://r/<hash>.<ext>` from `resourcesDir` on a session.
 * @example serveResources(session.defaultSession, join(dataDir, 'resources'))
 */
export function serveResources(session: Session, resourcesDir: string): void {
  session.protocol.handle(RESOURCE_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response('method not allowed', { status: 405 });
    const path = resolveResourcePath(request.url, resourcesDir);
    if (!path) return notFound();
    const info = await stat(path).catch(() => undefined);
    if (!info?.isFile()) return notFound();
    const headers = {
      'Content-Type': resourceContentType(path),
      'Content-Length': String(info.size),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'max-age=31536000, immutable',
      // Opened on its own, a resource is inert: no scripts, no requests.
      'Content-Security-Policy': "default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'; sandbox",
    };
    const body = request.method === 'HEAD' ? null : (Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>);
    return new Response(body, { status: 200, headers });
  });
}
