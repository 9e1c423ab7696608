// The fetch transformers.js downloads model files with (its `env.fetch`), inside the worker: each request
// carries the signal of the job that caused it (through AsyncLocalStorage), sends the token only to
// Hugging Face hosts, remembers the Hub's refusal (status + X-Error-Code) for the job's error message,
// and shares one request between concurrent loads of the same small file (a pipeline reads its
// preprocessor config twice while loading).
import { AsyncLocalStorage } from 'node:async_hooks';
import { isHuggingFaceHost } from '../../huggingface-hosts';

/** The job a request belongs to. */
export interface FetchScope {
  signal: AbortSignal;
  token?: string;
  /** Set once a file came from the network (not the cache) for this job. */
  downloading?: boolean;
  /** The last refusal the Hub gave this job. */
  refusal?: { status: number; code?: string; url: string };
}

/** The scope of the running job; requests made outside any job use no signal. */
export const fetchScope = new AsyncLocalStorage<FetchScope>();

const SHARED_MAX_BYTES = 1 << 20;
const inFlight = new Map<string, Promise<{ status: number; headers: Headers; body: ArrayBuffer } | Response>>();

async function fetchOnce(url: string, init: RequestInit, scope: FetchScope | undefined): Promise<Response> {
  const headers = new Headers(init.headers);
  if (scope?.token && isHuggingFaceHost(url)) headers.set('Authorization', `Bearer ${scope.token}`);
  const response = await fetch(url, { ...init, headers, signal: scope?.signal });
  if (response.ok && scope && (init.method ?? 'GET') === 'GET') scope.downloading = true;
  if (!response.ok && scope) scope.refusal = { status: response.status, code: response.headers.get('x-error-code') ?? undefined, url };
  return response;
}

/** transformers.js's `env.fetch` for the worker. */
export async function hubFetch(input: string | URL, init: RequestInit = {}): Promise<Response> {
  const url = String(input);
  const scope = fetchScope.getStore();
  scope?.signal.throwIfAborted();
  if ((init.method ?? 'GET') !== 'GET' || init.headers instanceof Headers && init.headers.has('Range')) return fetchOnce(url, init, scope);
  let shared = inFlight.get(url);
  if (!shared) {
    shared = fetchOnce(url, init, scope).then(async (response) => {
      const length = Number(response.headers.get('content-length') ?? Infinity);
      if (!response.ok || length > SHARED_MAX_BYTES) return response;
      return { status: response.status, headers: response.headers, body: await response.arrayBuffer() };
    });
    inFlight.set(url, shared);
    void shared.catch(() => undefined).finally(() => inFlight.delete(url));
    const first = await shared;
    return first instanceof Response ? first : new Response(first.body, { status: first.status, headers: first.headers });
  }
  const answer = await shared.catch(() => undefined);
  // A large or failed answer cannot be shared: this caller asks again.
  if (!answer || answer instanceof Response) return fetchOnce(url, init, scope);
  return new Response(answer.body, { status: answer.status, headers: answer.headers });
}
