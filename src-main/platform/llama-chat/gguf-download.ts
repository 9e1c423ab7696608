// Downloads one GGUF file from the Hub: size and sha256 from the Hub's own redirect (hub-file-info.ts: its
// X-Linked-Size / X-Linked-Etag, never the CDN's ETag), bytes from `<hubUrl>/<repo>/resolve/main/<file>`
// (the Hub redirects to its CDN) into `<file>.part`, resumed with a Range header after a dropped connection
// or an earlier cancelled run, verified, then renamed into place.
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import type { GgufRef } from '../../../src-shared/built-in-llm';
import { hubFileInfo, HubFileInfoError, type HubFileInfo } from './hub-file-info';

/** Where a download stands. */
export interface DownloadProgress {
  receivedBytes: number;
  totalBytes: number;
}

/** Why a download failed: `cancelled`, `not-found` (no such file on the Hub), `corrupt` (verification), `network`. */
export class GgufDownloadError extends Error {
  constructor(
    readonly kind: 'cancelled' | 'not-found' | 'corrupt' | 'network',
    message: string,
  ) {
    super(message);
    this.name = 'GgufDownloadError';
  }
}

/** What one download needs. */
export interface GgufDownloadOptions {
  ref: GgufRef;
  /** The final path; `<target>.part` holds the bytes so far. */
  target: string;
  hubUrl: string;
  token?: string;
  signal?: AbortSignal;
  onProgress?: (progress: DownloadProgress) => void;
  /** Abort a connection that sends nothing for this long, then resume. */
  idleTimeoutMs?: number;
  /** Resumptions after a dropped or stalled connection. */
  retries?: number;
  fetch?: typeof fetch;
}

const sizeOf = (path: string): Promise<number> => stat(path).then((s) => s.size, () => 0);

/** The sha256 of the bytes written so far, kept in step with the part file (one pass over the data). */
class PartHash {
  private hash = createHash('sha256');
  bytes = 0;
  /** Re-reads the part file when the hash does not cover exactly its bytes (a fresh start, a failed write). */
  async syncWith(part: string, size: number): Promise<void> {
    if (this.bytes === size) return;
    this.hash = createHash('sha256');
    this.bytes = 0;
    if (size === 0) return;
    for await (const chunk of createReadStream(part)) this.update(chunk as Buffer);
  }
  update(chunk: Uint8Array): void {
    this.hash.update(chunk);
    this.bytes += chunk.length;
  }
  hex(): string {
    return this.hash.digest('hex');
  }
}

/** Appends the bytes from `from` on to the part file; resolves when the body ends. */
async function fetchRange(url: string, part: string, from: number, total: number, o: GgufDownloadOptions, signal: AbortSignal, hash: PartHash, onBytes: (n: number) => void): Promise<void> {
  const headers: Record<string, string> = { Range: `bytes=${from}-` };
  if (o.token) headers.Authorization = `Bearer ${o.token}`;
  const response = await (o.fetch ?? fetch)(url, { headers, signal, redirect: 'follow' });
  if (response.status === 404) throw new GgufDownloadError('not-found', `${o.ref.repo}/${o.ref.file} is not on the Hub (HTTP 404)`);
  if (response.status === 416 && from === total) return;
  if (!response.ok || !response.body) throw new GgufDownloadError('network', `the Hub answered HTTP ${response.status} for ${o.ref.file}`);
  // A server that ignores Range answers 200 with the whole file: start the part file (and its hash) over.
  const append = response.status === 206;
  if (!append) {
    await hash.syncWith(part, 0);
    onBytes(-from);
  }
  // Written chunk by chunk and ended in `finally`, so that bytes already received reach the part file even
  // when the connection drops (a destroyed stream would discard its buffer) and the next attempt resumes there.
  const out = createWriteStream(part, { flags: append ? 'a' : 'w' });
  try {
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      hash.update(chunk);
      if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
      onBytes(chunk.length);
    }
  } finally {
    await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  }
}

/** Calls `report` when progress moved by 0.5% or more, and at the end (a 2 GB download is ~30,000 chunks). */
function throttled(report: ((p: DownloadProgress) => void) | undefined): (p: DownloadProgress) => void {
  let last = -1;
  return (p) => {
    const step = Math.floor((p.receivedBytes / Math.max(1, p.totalBytes)) * 200);
    if (step === last && p.receivedBytes < p.totalBytes) return;
    last = step;
    report?.(p);
  };
}

/**
 * Downloads, resumes and verifies one GGUF file into `options.target`.
 * @example await downloadGguf({ ref: parseGgufRef(model), target, hubUrl: settings.huggingface.hubUrl })
 */
export async function downloadGguf(options: GgufDownloadOptions): Promise<void> {
  const { ref, target, signal } = options;
  const part = `${target}.part`;
  const cancelled = () => new GgufDownloadError('cancelled', `the download of ${ref.file} was cancelled`);
  if (signal?.aborted) throw cancelled();
  let info: HubFileInfo;
  try {
    info = await hubFileInfo({ hubUrl: options.hubUrl, repo: ref.repo, file: ref.file, token: options.token, fetch: options.fetch, signal });
  } catch (error) {
    if (signal?.aborted) throw cancelled();
    if (error instanceof HubFileInfoError && error.kind === 'not-found') throw new GgufDownloadError('not-found', error.message);
    throw new GgufDownloadError('network', `cannot reach the Hub at ${options.hubUrl} for ${ref.repo}/${ref.file}: ${(error as Error).message}`);
  }
  const total = info.size;
  const sha256 = info.sha256;
  const url = `${options.hubUrl.replace(/\/+$/, '')}/${ref.repo}/resolve/main/${encodeURIComponent(ref.file)}`;

  let received = await sizeOf(part);
  if (received > total) {
    await rm(part, { force: true });
    received = 0;
  }
  const progress = throttled(options.onProgress);
  const report = () => progress({ receivedBytes: received, totalBytes: total });
  const hash = new PartHash();
  report();
  const retries = options.retries ?? 3;
  for (let attempt = 0; received < total; attempt++) {
    const controller = new AbortController();
    const abort = () => controller.abort();
    signal?.addEventListener('abort', abort, { once: true });
    let timer: NodeJS.Timeout | undefined;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(abort, options.idleTimeoutMs ?? 60_000);
    };
    try {
      arm();
      await hash.syncWith(part, received);
      await fetchRange(url, part, received, total, options, controller.signal, hash, (n) => {
        received += n;
        arm();
        report();
      });
    } catch (error) {
      if (signal?.aborted) throw cancelled();
      if (error instanceof GgufDownloadError && error.kind !== 'network') throw error;
      if (attempt >= retries) throw error instanceof GgufDownloadError ? error : new GgufDownloadError('network', `the download of ${ref.file} failed: ${(error as Error).message}`);
      await new Promise((r) => setTimeout(r, 500 * 2 ** attempt));
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', abort);
    }
    received = await sizeOf(part);
    if (received < total && attempt >= retries) throw new GgufDownloadError('network', `the Hub kept closing the download of ${ref.file} at ${received} of ${total} bytes`);
  }
  if (received !== total) {
    await rm(part, { force: true });
    throw new GgufDownloadError('corrupt', `${ref.file}: received ${received} bytes, the Hub announced ${total}; the partial file was removed`);
  }
  await hash.syncWith(part, received);
  if (sha256 && hash.hex() !== sha256) {
    await rm(part, { force: true });
    throw new GgufDownloadError('corrupt', `${ref.file} does not match the sha256 the Hub announced; the download was removed, try again`);
  }
  await rename(part, target);
}
