// A loopback Hugging Face Hub serving repository files at /<org>/<name>/resolve/<revision>/<path>, both kinds the
// way huggingface.co does today:
// - a regular git file (here: a file given as JSON) is answered straight: 200 with Content-Length, ETag (the git
//   blob id, "a slight variant of sha1": huggingface/huggingface_hub issue #3018) and X-Repo-Commit;
// - an LFS file (here: a file given as bytes; the Hub keeps binaries in LFS, deciding from .gitattributes and
//   the 512-byte `sample` that @huggingface/hub's commit() sends to /preupload) is a 302 to the CDN with
//   X-Linked-Size, X-Linked-Etag "<sha256>" and X-Repo-Commit and no ETag (huggingface_hub's file_download.py
//   reads X-Linked-Etag or ETag, "never returned together": huggingface_hub PR #1406). The CDN answer carries
//   none of the X- headers (huggingface/hf-hub PR #212), and an ETag of its own that is also 64 hex digits but
//   not the file's sha256 (nullata/llamaMan issue #70; huggingface.js issue #1023): so a client that follows the
//   redirect, as @huggingface/hub's fileDownloadInfo does, reads the wrong hash.
// Both honour `Range: bytes=a-` / `bytes=a-b` with 206 + Content-Range (416 past the end).
// Refusals carry X-Error-Code / X-Error-Message, as huggingface_hub's hf_raise_for_status reads them
// (src/huggingface_hub/utils/_http.py): an unknown repository is 401 RepoNotFound without a token and 404 with
// one, an unknown revision 404 RevisionNotFound, a missing file 404 EntryNotFound "Entry not found" (on which
// @huggingface/hub's fileDownloadInfo returns null).
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { listenOnLoopback, type RouteTable } from './loopback-http';

/** The CDN's own ETag for an object: 64 hex digits, as the real one, but not the object's sha256. */
export const cdnEtag = (sha256: string): string => createHash('sha256').update(`cdn-object:${sha256}`).digest('hex');
import type { RepoFiles } from './tiny-models/tiny-models';

/** What the fake serves: a repository id with its files, or a file's full `<org>/<name>/<path>` with its bytes. */
export type HubFiles = Record<string, RepoFiles | Uint8Array>;

/** Faults to inject into file bodies (the CDN's, for LFS files). */
export interface HubFileFaults {
  /** Drops the connection once, after this many bytes of a GET that is not a bounded range. */
  dropOnceAfterBytes?: number;
  /** Serves bytes that do not match the announced sha256. */
  corrupt?: boolean;
  /** Holds each body this long before sending it (for cancellation tests). */
  delayMs?: number;
}

/** A running fake Hub for files. */
export interface FakeHubFiles {
  url: string;
  /** Each request the file routes answered, as `<METHOD> <path>[ <Range>]`: the resolve route's and the CDN's. */
  requests: string[];
  /** Every whole-file GET of an existing file that was sent to the end, as `<repo>/<path>`. */
  downloads: string[];
  /** Bytes of file content sent so far. */
  bytesServed(): number;
  /** Makes whole-file GETs of `<repo>/<path>` send half the file, then hang until the client goes away or `release`. */
  stall(file: string): void;
  /** Sends the rest of a stalled file to the clients waiting for it, and serves it whole from then on. */
  release(file: string): void;
  close(): Promise<void>;
}

interface StoredFile {
  key: string;
  bytes: Buffer;
  lfs: boolean;
  sha256: string;
}

const COMMIT = 'a'.repeat(40);

/**
 * What the Hub answers for a repository it does not show: 404 to a token, 401 without one ("401 is misleading as
 * it is returned for private and gated repos if user is not authenticated [and] missing repos": hf_raise_for_status).
 */
export const repoNotFound = (req: IncomingMessage): { status: 401 | 404; message: string } =>
  req.headers.authorization ? { status: 404, message: 'Repository not found' } : { status: 401, message: 'Invalid username or password.' };

const gitBlobId = (bytes: Buffer): string => createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');

function storeOf(files: HubFiles): Map<string, Map<string, StoredFile>> {
  const repos = new Map<string, Map<string, StoredFile>>();
  for (const [key, value] of Object.entries(files)) {
    const repo = key.split('/').slice(0, 2).join('/');
    const entries = value instanceof Uint8Array ? [[key.split('/').slice(2).join('/'), value] as const] : Object.entries(value);
    const stored = repos.get(repo) ?? new Map<string, StoredFile>();
    for (const [path, content] of entries) {
      const lfs = content instanceof Uint8Array;
      const bytes = lfs ? Buffer.from(content) : Buffer.from(JSON.stringify(content, null, 2));
      stored.set(path, { key: `${repo}/${path}`, bytes, lfs, sha256: createHash('sha256').update(bytes).digest('hex') });
    }
    repos.set(repo, stored);
  }
  return repos;
}

function refuse(res: ServerResponse, status: number, code: string, message: string): true {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'x-error-code': code, 'x-error-message': message });
  res.end(message);
  return true;
}

/** The file routes of the Hub (resolve and its CDN), with their request log, faults and stalls. */
export function hubFileRoutes(files: HubFiles, faults: HubFileFaults = {}): Omit<FakeHubFiles, 'url' | 'close'> & { routes: RouteTable } {
  const repos = storeOf(files);
  const requests: string[] = [];
  const downloads: string[] = [];
  const stalled = new Set<string>();
  const waiting = new Map<string, Array<() => void>>();
  let served = 0;
  let dropped = false;

  const sendBody = (req: IncomingMessage, res: ServerResponse, file: StoredFile, headers: Record<string, string>): void => {
    const body = faults.corrupt ? Buffer.from(file.bytes.map((b, i) => (i === 0 ? b ^ 0xff : b))) : file.bytes;
    const range = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? '');
    const start = range ? Number(range[1]) : 0;
    const end = range?.[2] ? Math.min(Number(range[2]), body.length - 1) : body.length - 1;
    if (range && start > end) return void res.writeHead(416, { 'content-range': `bytes */${body.length}` }).end();
    res.writeHead(range ? 206 : 200, {
      ...headers,
      'accept-ranges': 'bytes',
      'content-length': String(end - start + 1),
      ...(range ? { 'content-range': `bytes ${start}-${end}/${body.length}` } : {}),
    });
    if (req.method === 'HEAD') return void res.end();
    const chunk = body.subarray(start, end + 1);
    if (faults.dropOnceAfterBytes !== undefined && !dropped && !range?.[2] && start < faults.dropOnceAfterBytes) {
      dropped = true;
      const part = chunk.subarray(0, faults.dropOnceAfterBytes - start);
      served += part.length;
      return void res.write(part, () => res.destroy());
    }
    const finish = (from: number) => {
      served += chunk.length - from;
      if (!range) downloads.push(file.key);
      res.end(chunk.subarray(from));
    };
    if (range || !stalled.has(file.key)) return finish(0);
    const half = Math.floor(chunk.length / 2);
    served += half;
    res.write(chunk.subarray(0, half));
    waiting.set(file.key, [...(waiting.get(file.key) ?? []), () => finish(half)]); // hangs until released or the client gives up
  };
  const send = (req: IncomingMessage, res: ServerResponse, file: StoredFile, headers: Record<string, string>): true => {
    if (faults.delayMs) setTimeout(() => sendBody(req, res, file, headers), faults.delayMs);
    else sendBody(req, res, file, headers);
    return true;
  };

  const routes: RouteTable = (req, res, url) => {
    const path = decodeURIComponent(url.pathname);
    const cdn = /^\/cdn-lfs\/repos\/([^/]+\/[^/]+)\/([0-9a-f]{64})$/.exec(path);
    const resolve = /^\/([^/]+\/[^/]+)\/resolve\/([^/]+)\/(.+)$/.exec(path);
    if (!cdn && !resolve) return false;
    requests.push(`${req.method} ${path}${req.headers.range ? ` ${req.headers.range}` : ''}`);
    if (cdn) {
      const file = [...(repos.get(cdn[1])?.values() ?? [])].find((f) => f.lfs && f.sha256 === cdn[2]);
      if (!file) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found'); // no such object on the CDN: no Hub headers
        return true;
      }
      return send(req, res, file, { 'content-type': 'binary/octet-stream', etag: `"${cdnEtag(file.sha256)}"` });
    }
    const [, repo, revision, filePath] = resolve!;
    const stored = repos.get(repo);
    if (!stored) {
      const { status, message } = repoNotFound(req);
      return refuse(res, status, 'RepoNotFound', message);
    }
    if (revision !== 'main' && revision !== COMMIT) return refuse(res, 404, 'RevisionNotFound', `Invalid rev id: ${revision}`);
    const file = stored.get(filePath);
    if (!file) return refuse(res, 404, 'EntryNotFound', 'Entry not found');
    if (!file.lfs) {
      const type = filePath.endsWith('.json') ? 'text/plain; charset=utf-8' : 'application/octet-stream';
      return send(req, res, file, { 'content-type': type, etag: `"${gitBlobId(file.bytes)}"`, 'x-repo-commit': COMMIT });
    }
    const location = `${url.origin}/cdn-lfs/repos/${repo}/${file.sha256}`;
    res.writeHead(302, {
      location,
      'x-linked-size': String(file.bytes.length),
      'x-linked-etag': `"${file.sha256}"`,
      'x-repo-commit': COMMIT,
      'content-type': 'text/plain; charset=utf-8',
    });
    res.end(`Found. Redirecting to ${location}`);
    return true;
  };

  return {
    routes,
    requests,
    downloads,
    bytesServed: () => served,
    stall: (file) => void stalled.add(file),
    release(file) {
      stalled.delete(file);
      for (const finish of waiting.get(file) ?? []) finish();
      waiting.delete(file);
    },
  };
}

/**
 * Starts the fake on 127.0.0.1 (port 0); any other path is a 404 EntryNotFound.
 * @example const hub = await startFakeHubFiles({ 'tiny/vit-colours': vitColours(), 'org/repo-GGUF/model.gguf': bytes });
 */
export async function startFakeHubFiles(files: HubFiles, faults: HubFileFaults = {}): Promise<FakeHubFiles> {
  const { routes, ...state } = hubFileRoutes(files, faults);
  const server = await listenOnLoopback((req, res, url) => routes(req, res, url) || refuse(res, 404, 'EntryNotFound', 'Entry not found'));
  return { url: server.url, close: server.close, ...state };
}
