// A loopback Hub serving LFS files the way huggingface.co does: `GET /<repo>/resolve/main/<file>` answers 302
// to the CDN with X-Linked-Size, X-Linked-Etag ("<sha256>") and X-Repo-Commit (the headers huggingface_hub's
// file_download.py and @huggingface/hub's fileDownloadInfo read), a missing file 404 with
// `X-Error-Code: EntryNotFound`; the CDN honours `Range: bytes=a-` / `bytes=a-b` with 206 + Content-Range.
import { createHash } from 'node:crypto';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A running fake; `requests` lists each request as "<method> <path> [range]". */
export interface FakeHubLfs {
  url: string;
  requests: string[];
  /** Bytes of file content the CDN has sent so far. */
  bytesServed(): number;
  close(): Promise<void>;
}

/** Faults to inject: drop the CDN connection once after N bytes; serve bytes that do not match the hash. */
export interface FakeHubLfsFaults {
  dropOnceAfterBytes?: number;
  corrupt?: boolean;
  /** Hold each CDN response this long before the body (for cancellation tests). */
  delayMs?: number;
}

const COMMIT = '0123456789abcdef0123456789abcdef01234567';

/** Serves `files` (keyed "<org>/<repo>/<file>") on 127.0.0.1. */
export async function startFakeHubLfs(files: Record<string, Buffer>, faults: FakeHubLfsFaults = {}): Promise<FakeHubLfs> {
  const bySha = new Map<string, Buffer>();
  const shaOf = new Map<string, string>();
  for (const [key, bytes] of Object.entries(files)) {
    const sha = createHash('sha256').update(bytes).digest('hex');
    bySha.set(sha, bytes);
    shaOf.set(key, sha);
  }
  const requests: string[] = [];
  let served = 0;
  let dropped = false;

  const serveCdn = (res: ServerResponse, bytes: Buffer, sha: string, range: string | undefined) => {
    const body = faults.corrupt ? Buffer.from(bytes.map((b, i) => (i === 0 ? b ^ 0xff : b))) : bytes;
    const match = range ? /^bytes=(\d+)-(\d*)$/.exec(range) : null;
    let start = 0;
    let end = body.length - 1;
    if (match) {
      start = Number(match[1]);
      end = match[2] ? Math.min(Number(match[2]), end) : end;
      if (start > end) {
        res.writeHead(416, { 'content-range': `bytes */${body.length}` });
        return res.end();
      }
    }
    const headers: Record<string, string> = { 'content-type': 'binary/octet-stream', 'accept-ranges': 'bytes', etag: `"${sha}"`, 'content-length': String(end - start + 1) };
    if (match) headers['content-range'] = `bytes ${start}-${end}/${body.length}`;
    res.writeHead(match ? 206 : 200, headers);
    let chunk = body.subarray(start, end + 1);
    if (faults.dropOnceAfterBytes !== undefined && !dropped && !match?.[2] && start < faults.dropOnceAfterBytes) {
      dropped = true;
      chunk = chunk.subarray(0, faults.dropOnceAfterBytes - start);
      served += chunk.length;
      res.write(chunk, () => res.destroy());
      return;
    }
    served += chunk.length;
    res.end(chunk);
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const range = req.headers.range;
    requests.push(`${req.method} ${url.pathname}${range ? ` ${range}` : ''}`);
    const cdn = /^\/cdn-lfs\/([0-9a-f]{64})$/.exec(url.pathname);
    if (cdn && bySha.has(cdn[1])) {
      const send = () => serveCdn(res, bySha.get(cdn[1])!, cdn[1], range);
      return void (faults.delayMs ? setTimeout(send, faults.delayMs) : send());
    }
    const resolve = /^\/([\w.-]+\/[\w.-]+)\/resolve\/main\/(.+)$/.exec(url.pathname);
    const sha = resolve ? shaOf.get(`${resolve[1]}/${decodeURIComponent(resolve[2])}`) : undefined;
    if (!resolve || !sha) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'x-error-code': 'EntryNotFound', 'x-error-message': 'Entry not found' });
      return res.end('Entry not found');
    }
    const { port } = server.address() as AddressInfo;
    res.writeHead(302, {
      location: `http://127.0.0.1:${port}/cdn-lfs/${sha}`,
      'x-linked-size': String(bySha.get(sha)!.length),
      'x-linked-etag': `"${sha}"`,
      'x-repo-commit': COMMIT,
      etag: `"${sha}"`,
      'content-type': 'text/plain; charset=utf-8',
    });
    res.end(`Found. Redirecting to http://127.0.0.1:${port}/cdn-lfs/${sha}`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    bytesServed: () => served,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
