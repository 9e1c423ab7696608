// Every request to Hugging Face goes to the configured Hub and router: the library's hard-coded hosts are
// rewritten in its `fetch` option, and the token leaves only towards those two hosts.

/** The hosts @huggingface/inference 4.x hard-codes (src/config.ts: HF_HUB_URL, HF_ROUTER_URL). */
export const LIBRARY_HUB_URL = 'https://huggingface.co';
export const LIBRARY_ROUTER_URL = 'https://router.huggingface.co';

/** Where Hugging Face lives for this app: settings huggingface.hubUrl and routerUrl. */
export interface HfHosts {
  hubUrl: string;
  routerUrl: string;
}

const trim = (url: string): string => url.replace(/\/+$/, '');

function startsAt(url: string, base: string): boolean {
  return url === base || url.startsWith(`${base}/`) || url.startsWith(`${base}?`);
}

/** The URL a library request really goes to: the router's and the Hub's addresses replaced by the configured ones. */
export function rewriteHfUrl(url: string, hosts: HfHosts): string {
  if (startsAt(url, LIBRARY_ROUTER_URL)) return trim(hosts.routerUrl) + url.slice(LIBRARY_ROUTER_URL.length);
  if (startsAt(url, LIBRARY_HUB_URL)) return trim(hosts.hubUrl) + url.slice(LIBRARY_HUB_URL.length);
  return url;
}

/** Whether `url` is on the configured Hub or router (the only places the token may go). */
export function isConfiguredHfHost(url: string, hosts: HfHosts): boolean {
  return startsAt(url, trim(hosts.routerUrl)) || startsAt(url, trim(hosts.hubUrl));
}

/**
 * A fetch for the library's cloud calls: rewrites its hard-coded hosts to the configured ones and drops the
 * Authorization header of any request that would leave them (e.g. a provider's result URL).
 */
export function hfHostsFetch(base: typeof fetch, hosts: HfHosts): typeof fetch {
  return (input, init) => {
    const request = input instanceof Request ? input : undefined;
    const url = rewriteHfUrl(request ? request.url : String(input), hosts);
    const headers = new Headers(init?.headers ?? request?.headers);
    if (!isConfiguredHfHost(url, hosts)) headers.delete('authorization');
    const method = init?.method ?? request?.method;
    const body = init?.body ?? request?.body;
    // A stream body (a Request's) must be sent half-duplex.
    return base(url, { ...init, method, headers, body, ...(body instanceof ReadableStream ? { duplex: 'half' } : {}) } as RequestInit);
  };
}
