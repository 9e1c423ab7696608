// What the Hub says of one repository file before it is downloaded: its size and, for an LFS or Xet file, its
// sha256. Asked with HEAD and without following the redirect, because huggingface.co puts X-Linked-Size and
// X-Linked-Etag (the sha256) on its 302 only; the CDN answer it points to carries neither, and has an ETag of its
// own that is also 64 hex digits but a different value (huggingface_hub's file_download.py sends HEAD with
// allow_redirects=False for this reason; nullata/llamaMan issue #70; huggingface.js issue #1023, where
// @huggingface/hub's fileDownloadInfo follows the redirect). A small plain git file answers 200 with an ETag
// that is its git blob id (a sha1 variant), not a content hash: no sha256 then.

/** A file's size, and its sha256 when the Hub announces one. */
export interface HubFileInfo {
  size: number;
  sha256?: string;
}

/** Why the Hub refused: no such repository or file (`not-found`), or another answer (`http`). */
export class HubFileInfoError extends Error {
  constructor(
    readonly kind: 'not-found' | 'http',
    message: string,
  ) {
    super(message);
    this.name = 'HubFileInfoError';
  }
}

const SHA256 = /^(?:W\/)?"?([0-9a-f]{64})"?$/i;

/** HEAD `<hubUrl>/<repo>/resolve/<revision>/<file>` without following the redirect; throws a HubFileInfoError when refused. */
export async function hubFileInfo(o: { hubUrl: string; repo: string; file: string; revision?: string; token?: string; fetch?: typeof fetch; signal?: AbortSignal }): Promise<HubFileInfo> {
  const url = `${o.hubUrl.replace(/\/+$/, '')}/${o.repo}/resolve/${encodeURIComponent(o.revision ?? 'main')}/${o.file.split('/').map(encodeURIComponent).join('/')}`;
  const response = await (o.fetch ?? fetch)(url, { method: 'HEAD', redirect: 'manual', headers: o.token ? { Authorization: `Bearer ${o.token}` } : {}, signal: o.signal });
  const header = (name: string) => response.headers.get(name) ?? undefined;
  if (response.status >= 300 && response.status < 400) {
    const size = Number(header('x-linked-size'));
    if (!Number.isSafeInteger(size)) throw new HubFileInfoError('http', `the Hub redirected ${o.repo}/${o.file} without a size (X-Linked-Size)`);
    return { size, sha256: SHA256.exec(header('x-linked-etag') ?? '')?.[1]?.toLowerCase() };
  }
  if (response.ok) return { size: Number(header('content-length') ?? 0) };
  const code = header('x-error-code');
  const said = header('x-error-message');
  if (code === 'EntryNotFound' || code === 'RepoNotFound' || code === 'RevisionNotFound' || response.status === 404) {
    throw new HubFileInfoError('not-found', `${o.repo} has no file ${o.file} on the Hub at ${o.hubUrl}${said ? ` (${said})` : ` (HTTP ${response.status})`}`);
  }
  throw new HubFileInfoError('http', `the Hub answered HTTP ${response.status} for ${o.repo}/${o.file}${said ? `: ${said}` : ''}`);
}
