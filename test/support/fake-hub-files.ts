// A loopback Hugging Face Hub serving model files at /<org>/<name>/resolve/<revision>/<path>, answering as
// the real Hub does: 200 with Content-Length, ETag and X-Repo-Commit; an unknown repo is 401 with
// X-Error-Code RepoNotFound (unauthenticated), an unknown revision 404 RevisionNotFound, a missing file 404
// EntryNotFound with X-Error-Message "Entry not found" (huggingface_hub's hf_raise_for_status reads these
// headers: huggingface/huggingface_hub src/huggingface_hub/utils/_http.py).
import { createHash } from 'node:crypto';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RepoFiles } from './tiny-models/tiny-models';

/** A running fake Hub for files. `downloads` lists every whole-file GET of a file that existed, as `<repo>/<path>`. */
export interface FakeHubFiles {
  url: string;
  downloads: string[];
  /** Every request path, answered or not. */
  requests: string[];
  /** Makes GETs of `<repo>/<path>` send half the file, then hang until the client goes away or `release`. */
  stall(file: string): void;
  /** Sends the rest of a stalled file to the clients waiting for it, and serves it whole from then on. */
  release(file: string): void;
  close(): Promise<void>;
}

const COMMIT = 'a'.repeat(40);

function fail(res: ServerResponse, status: number, code: string, message: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'x-error-code': code, 'x-error-message': message });
  res.end(message);
}

const asBytes = (file: Uint8Array | object): Buffer =>
  file instanceof Uint8Array ? Buffer.from(file) : Buffer.from(JSON.stringify(file, null, 2));

/** Starts the fake on 127.0.0.1 (port 0) with the given repositories. */
export async function startFakeHubFiles(repos: Record<string, RepoFiles>): Promise<FakeHubFiles> {
  const downloads: string[] = [];
  const requests: string[] = [];
  const stalled = new Set<string>();
  const waiting = new Map<string, Array<() => void>>();
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    requests.push(path);
    const match = /^\/([^/]+\/[^/]+)\/resolve\/([^/]+)\/(.+)$/.exec(path);
    if (!match) return fail(res, 404, 'EntryNotFound', 'Entry not found');
    const [, repo, revision, file] = match;
    const files = repos[repo];
    if (!files) return fail(res, 401, 'RepoNotFound', 'Repository not found');
    if (revision !== 'main' && revision !== COMMIT) return fail(res, 404, 'RevisionNotFound', `Invalid rev id: ${revision}`);
    const content = files[file];
    if (content === undefined) return fail(res, 404, 'EntryNotFound', 'Entry not found');
    const bytes = asBytes(content);
    const headers = {
      'content-type': file.endsWith('.json') ? 'text/plain; charset=utf-8' : 'application/octet-stream',
      'content-length': String(bytes.length),
      etag: `"${createHash('sha256').update(bytes).digest('hex')}"`,
      'x-repo-commit': COMMIT,
      'accept-ranges': 'bytes',
    };
    const range = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? '');
    if (range) {
      // A ranged read (transformers.js asks `bytes=0-0` for a file's size): 206 with Content-Range.
      const start = Number(range[1]);
      const end = Math.min(range[2] ? Number(range[2]) : bytes.length - 1, bytes.length - 1);
      res.writeHead(206, { ...headers, 'content-length': String(end - start + 1), 'content-range': `bytes ${start}-${end}/${bytes.length}` });
      return res.end(req.method === 'HEAD' ? undefined : bytes.subarray(start, end + 1));
    }
    res.writeHead(200, headers);
    if (req.method === 'HEAD') return res.end();
    const key = `${repo}/${file}`;
    if (stalled.has(key)) {
      const half = Math.floor(bytes.length / 2);
      res.write(bytes.subarray(0, half));
      const finish = () => {
        downloads.push(key);
        res.end(bytes.subarray(half));
      };
      waiting.set(key, [...(waiting.get(key) ?? []), finish]);
      return; // hangs until released or the client gives up
    }
    downloads.push(`${repo}/${file}`);
    res.end(bytes);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    downloads,
    requests,
    stall: (file) => void stalled.add(file),
    release(file) {
      stalled.delete(file);
      for (const finish of waiting.get(file) ?? []) finish();
      waiting.delete(file);
    },
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
