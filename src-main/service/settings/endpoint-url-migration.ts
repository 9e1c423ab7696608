// Settings format 3 -> 4: `huggingface.endpointUrl` is no longer a setting. Until it was removed (git 20ee8d1) every
// cloud call went to `<endpointUrl>/models/<model id>`, the hf-inference wire format; today cloud calls go to
// `huggingface.routerUrl`, which serves every Inference Provider at `/<provider>/...` (hf-inference at
// `<router>/hf-inference/models/<model id>`). So an endpointUrl that was the router's hf-inference route is the
// router's address; one of the retired serverless API (api-inference.huggingface.co) has the default router as
// successor; anything else (a proxy or server of the old layout) cannot be carried over and is dropped with a note.
import { redactCredentials } from '../../../src-shared/redact-credentials';
import { isPlainObject, type PlainObject } from './plain-object';


/** The host of the serverless Inference API that the router replaced. */
const RETIRED_INFERENCE_API_HOST = 'api-inference.huggingface.co';

/** What an old endpointUrl becomes: the router address it stood for, the default router, or nothing. */
export function routerUrlFor(endpointUrl: string): { routerUrl: string } | 'default' | undefined {
  let url: URL;
  try {
    url = new URL(endpointUrl);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (url.hostname === RETIRED_INFERENCE_API_HOST) return 'default';
  const path = url.pathname.replace(/\/+$/, '');
  if (!path.endsWith('/hf-inference') || url.search || url.hash) return undefined;
  return { routerUrl: `${url.origin}${path.slice(0, -'/hf-inference'.length)}` };
}

/**
 * Takes `huggingface.endpointUrl` out of a format-3 settings object: into `routerUrl` when it was a router's
 * hf-inference route (unless routerUrl is set already), otherwise dropped; `note` says which, and what to set instead.
 * @example migrateEndpointUrl({ huggingface: { endpointUrl: 'https://proxy.corp/hf-inference' } }, console.log).huggingface // { routerUrl: 'https://proxy.corp' }
 */
export function migrateEndpointUrl(raw: PlainObject, note: (message: string) => void): PlainObject {
  const huggingface = raw.huggingface;
  if (!isPlainObject(huggingface) || !('endpointUrl' in huggingface)) return raw;
  const { endpointUrl, ...rest } = huggingface;
  const shown = redactCredentials(String(endpointUrl));
  const target = typeof endpointUrl === 'string' ? routerUrlFor(endpointUrl) : undefined;
  const existing = typeof rest.routerUrl === 'string' ? rest.routerUrl : undefined;
  const removed = `huggingface.endpointUrl (${shown}) is no longer a setting: cloud calls go to huggingface.routerUrl, which serves every Inference Provider at /<provider>/...`;
  if (target === 'default') {
    note(`${removed}. ${shown} was the retired serverless Inference API, so the default router (https://router.huggingface.co) takes its place.`);
    return { ...raw, huggingface: rest };
  }
  if (target && (existing === undefined || existing.replace(/\/+$/, '') === target.routerUrl)) {
    note(`${removed}. It was a router's hf-inference route, so huggingface.routerUrl is now ${redactCredentials(target.routerUrl)}; the provider is chosen per model (set huggingface.provider to "hf-inference" to keep only that one).`);
    return { ...raw, huggingface: { ...rest, routerUrl: target.routerUrl } };
  }
  const why = target ? `huggingface.routerUrl was already set to ${redactCredentials(existing ?? '')}` : 'it is not a router address';
  note(
    `${removed}. It was dropped (${why}): if it is a proxy of the router, set huggingface.routerUrl to the proxy's address (in settings.json or the --config file); ` +
      'if it is a model server of yours, add it under Local endpoints (protocol "hf") with the models it serves.',
  );
  return { ...raw, huggingface: rest };
}
