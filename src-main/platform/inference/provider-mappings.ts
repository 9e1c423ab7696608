// Reads models' inferenceProviderMapping from the Hub (`GET <hubUrl>/api/models/<id>?expand[]=inferenceProviderMapping`,
// the request @huggingface/inference itself makes), cached per Hub address with a time limit.
import { InferenceError } from '../../engine/inference';
import type { ProviderMappingEntry } from './cloud-routes';

/** What the mapping reader needs; settings are read at each lookup so that edits apply. */
export interface ProviderMappingsOptions {
  hubUrl: () => string;
  token: () => string | undefined;
  fetch?: typeof fetch;
  /** How long a model's mapping is trusted (default 10 minutes). */
  ttlMs?: number;
  /** Per-request timeout (default 15 s). */
  timeoutMs?: number;
  now?: () => number;
}

/** Cached mapping lookups. */
export interface ProviderMappings {
  /** The model's mapping entries (empty when none, or when the Hub does not know the model). */
  get(model: string, signal?: AbortSignal): Promise<ProviderMappingEntry[]>;
  /** Hub requests made so far (the benchmark reports it). */
  readonly hubRequests: number;
}

/**
 * The Hub answers a dict `{provider: {providerId, status, task}}` on model info in older responses and a
 * list `[{provider, providerId, status, task}]` today; both become the list (as huggingface.js's
 * normalizeInferenceProviderMapping in packages/hub and packages/inference does).
 */
export function normalizeMapping(raw: unknown): ProviderMappingEntry[] {
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  if (Array.isArray(raw)) {
    return raw.filter((e) => e && typeof e === 'object').map((e) => ({ provider: text(e.provider), providerId: text(e.providerId), status: text(e.status), task: text(e.task) }));
  }
  if (raw && typeof raw === 'object') {
    return Object.entries(raw as Record<string, any>).map(([provider, e]) => ({ provider, providerId: text(e?.providerId), status: text(e?.status), task: text(e?.task) }));
  }
  return [];
}

async function fetchMapping(model: string, options: ProviderMappingsOptions, signal?: AbortSignal): Promise<ProviderMappingEntry[]> {
  const hubUrl = options.hubUrl().replace(/\/+$/, '');
  const url = `${hubUrl}/api/models/${model}?expand[]=inferenceProviderMapping`;
  const token = options.token();
  const signals = [AbortSignal.timeout(options.timeoutMs ?? 15_000), ...(signal ? [signal] : [])];
  let response: Response;
  try {
    // As @huggingface/inference does: only a Hugging Face token goes to the Hub (not a provider's own key).
    const headers: Record<string, string> = token?.startsWith('hf_') ? { Authorization: `Bearer ${token}` } : {};
    response = await (options.fetch ?? fetch)(url, { headers, signal: AbortSignal.any(signals) });
  } catch (error) {
    if (signal?.aborted) throw new InferenceError('cancelled', 'The provider lookup was cancelled');
    const cause = (error as { cause?: { code?: string } })?.cause?.code ?? (error as Error)?.name;
    throw new InferenceError('network', `Cannot reach the Hugging Face Hub at ${hubUrl} to look up ${model}'s providers (${cause})`);
  }
  // The Hub answers 404 for an unknown model, and 401 without a token for a repo that does not exist or is private.
  if (response.status === 404 || response.status === 401) return [];
  if (!response.ok) {
    throw new InferenceError('http', `The Hugging Face Hub answered HTTP ${response.status} to the provider lookup of ${model}`, { status: response.status });
  }
  const body = (await response.json().catch(() => undefined)) as { inferenceProviderMapping?: unknown } | undefined;
  return normalizeMapping(body?.inferenceProviderMapping);
}

/** Creates the cached reader. Concurrent lookups of one model share one request; failures are not cached. */
export function createProviderMappings(options: ProviderMappingsOptions): ProviderMappings {
  const ttlMs = options.ttlMs ?? 10 * 60_000;
  const now = options.now ?? Date.now;
  const cache = new Map<string, { at: number; value: Promise<ProviderMappingEntry[]> }>();
  let hubRequests = 0;
  return {
    get hubRequests() {
      return hubRequests;
    },
    get(model, signal) {
      const key = `${options.hubUrl()} ${model}`;
      const hit = cache.get(key);
      if (hit && now() - hit.at < ttlMs) return hit.value;
      hubRequests += 1;
      const value = fetchMapping(model, options, signal);
      cache.set(key, { at: now(), value });
      value.catch(() => cache.get(key)?.value === value && cache.delete(key));
      return value;
    },
  };
}
