// The Hugging Face router serves a chat model through several Inference Providers that differ in
// structured-output support; its `GET /v1/models` says which (`providers[].supports_structured_output`,
// as listed at https://router.huggingface.co/v1/models; see also withceleste/celeste-python#182).
// A model id may name its provider with a suffix: `org/model:provider`.
import type { Settings } from '../../src-shared/settings';

/** One provider of a model on the router. */
export interface RouterProvider {
  provider: string;
  status?: string;
  structuredOutput: boolean;
}

/** Whether an LLM `baseURL` is the Hugging Face router: its public host, or under the configured `routerUrl`. */
export function isHfRouter(baseURL: string, routerUrl?: string): boolean {
  if (!URL.canParse(baseURL)) return false;
  const under = routerUrl !== undefined && baseURL.replace(/\/+$/, '').startsWith(routerUrl.replace(/\/+$/, ''));
  return under || new URL(baseURL).hostname === 'router.huggingface.co';
}

/** `org/model:provider` -> [`org/model`, `provider`]; no suffix -> [model, undefined]. */
export function splitProvider(model: string): [string, string | undefined] {
  const at = model.lastIndexOf(':');
  return at > 0 && !model.slice(at).includes('/') ? [model.slice(0, at), model.slice(at + 1)] : [model, undefined];
}

/** The providers the router lists for the configured model; undefined when the router does not say. */
export async function routerProviders(llm: Settings['llm'], signal?: AbortSignal): Promise<RouterProvider[] | undefined> {
  const [model] = splitProvider(llm.model);
  const response = await fetch(`${llm.baseURL.replace(/\/+$/, '')}/models`, {
    headers: llm.apiKey ? { authorization: `Bearer ${llm.apiKey}` } : {},
    signal: signal ?? AbortSignal.timeout(Math.min(llm.timeoutMs, 20_000)),
  });
  if (!response.ok) return undefined;
  const body = (await response.json().catch(() => undefined)) as { data?: unknown } | undefined;
  const entry = Array.isArray(body?.data) ? body.data.find((m: any) => m?.id === model) : undefined;
  if (!Array.isArray(entry?.providers)) return undefined;
  return entry.providers
    .filter((p: any) => typeof p?.provider === 'string')
    .map((p: any) => ({ provider: p.provider, status: typeof p.status === 'string' ? p.status : undefined, structuredOutput: p.supports_structured_output === true }));
}

/**
 * The model id to send when structured output is wanted: the configured one when it already names a
 * provider (the user's choice) or every live provider supports it; else the first live provider that does.
 * undefined when no provider supports structured output.
 */
export function structuredOutputModel(model: string, providers: readonly RouterProvider[]): string | undefined {
  const [base, chosen] = splitProvider(model);
  const live = providers.filter((p) => p.status === undefined || p.status === 'live');
  if (chosen) return live.find((p) => p.provider === chosen)?.structuredOutput === false ? undefined : model;
  const capable = live.filter((p) => p.structuredOutput);
  if (capable.length === 0) return undefined;
  return capable.length === live.length ? model : `${base}:${capable[0].provider}`;
}
