// Health of configured local endpoints: GET <url>/health with an explicit timeout, status and latency.
import type { EndpointHealth } from '../../src-shared/contract';
import type { Endpoint, Settings } from '../../src-shared/settings';
import { endpointFetch } from './endpoints/endpoint-auth';

/** How long a health check waits by default. */
export const HEALTH_TIMEOUT_MS = 5_000;

/** What a health check may be told: a timeout and a cancellation signal. */
export interface HealthOptions {
  timeoutMs?: number;
  signal?: AbortSignal;
  /** The route to GET (default `/health`; ComfyUI answers `/system_stats`). */
  path?: string;
  /** Whether a 404 still counts as reachable (true for `/health`, which many servers lack). */
  notFoundIsOk?: boolean;
  /** The fetch to use (tests may wrap it); the endpoint's credentials are added to it. */
  fetch?: typeof fetch;
}

function networkReason(error: unknown, timeoutMs: number, signal?: AbortSignal): string {
  if (signal?.aborted) return 'check cancelled';
  const name = (error as Error)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') return `no answer within ${timeoutMs} ms`;
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  return `cannot connect: ${cause?.code ?? cause?.message ?? (error as Error)?.message ?? String(error)}`;
}

/** A short status text from a /health body such as {"status":"ok"} (nothing for other bodies). */
async function bodyStatus(response: Response): Promise<string | undefined> {
  const text = (await response.text()).slice(0, 2_000);
  try {
    const json = JSON.parse(text) as { status?: unknown };
    return typeof json?.status === 'string' ? json.status : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Checks one endpoint. 2xx is healthy; a 404 from a live server counts as reachable without a /health route;
 * other statuses, refused connections and timeouts are unhealthy, each with a message saying which.
 */
export async function checkEndpointHealth(endpoint: Endpoint, options: HealthOptions = {}): Promise<EndpointHealth> {
  const timeoutMs = options.timeoutMs ?? HEALTH_TIMEOUT_MS;
  const base = { name: endpoint.name, url: endpoint.url };
  if (endpoint.url === undefined) return { ...base, ok: true, message: 'built in (runs in this app)', checkedAt: Date.now() };
  if (endpoint.enabled === false) return { ...base, ok: false, message: 'disabled in settings (not checked)', checkedAt: Date.now() };
  const path = options.path ?? '/health';
  const notFoundIsOk = options.notFoundIsOk ?? path === '/health';
  const started = performance.now();
  const signals = [AbortSignal.timeout(timeoutMs), ...(options.signal ? [options.signal] : [])];
  try {
    const response = await endpointFetch(options.fetch ?? fetch, endpoint)(`${endpoint.url.replace(/\/+$/, '')}${path}`, { signal: AbortSignal.any(signals), headers: { accept: 'application/json' } });
    const status = await bodyStatus(response);
    const latencyMs = Math.round(performance.now() - started);
    const checkedAt = Date.now();
    if (response.ok) return { ...base, ok: true, message: `healthy (HTTP ${response.status}${status ? `, ${status}` : ''})`, latencyMs, checkedAt };
    if (response.status === 404) {
      return { ...base, ok: notFoundIsOk, message: `reachable, but the server has no ${path} route (HTTP 404)`, latencyMs, checkedAt };
    }
    return { ...base, ok: false, message: `unhealthy: HTTP ${response.status}${status ? ` (${status})` : ''}`, latencyMs, checkedAt };
  } catch (error) {
    return { ...base, ok: false, message: networkReason(error, timeoutMs, options.signal), checkedAt: Date.now() };
  }
}

/** Checks every configured endpoint (or the one named), in parallel. */
export function checkEndpoints(settings: Settings, options: HealthOptions & { name?: string } = {}): Promise<EndpointHealth[]> {
  const endpoints = settings.endpoints.filter((e) => options.name === undefined || e.name === options.name);
  return Promise.all(endpoints.map((e) => checkEndpointHealth(e, options)));
}
