// An endpoint's credentials (endpoints[].authorization) on the wire: added to the requests that go to the
// endpoint's own addresses, and to nothing else (not to Hugging Face, not to a host an answer points at).
import { endpointOrigins, type Endpoint } from '../../../src-shared/settings';

/** The origin of a request's URL, or undefined when it has none. */
function originOf(input: Parameters<typeof fetch>[0]): string | undefined {
  try {
    return new URL(input instanceof Request ? input.url : String(input)).origin;
  } catch {
    return undefined;
  }
}

/**
 * `base` with the endpoint's Authorization header on every request to the endpoint's addresses (its url and its
 * models' urls); `base` itself when the endpoint has no credentials.
 * @example const authed = endpointFetch(fetch, { ...endpoint, authorization: 'Bearer sk-local' })
 */
export function endpointFetch(base: typeof fetch, endpoint: Pick<Endpoint, 'url' | 'models' | 'authorization'>): typeof fetch {
  const authorization = endpoint.authorization;
  if (!authorization) return base;
  const origins = new Set(endpointOrigins(endpoint));
  return (input, init) => {
    const origin = originOf(input);
    if (origin === undefined || !origins.has(origin)) return base(input, init);
    const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined));
    headers.set('authorization', authorization);
    return base(input, { ...init, headers });
  };
}

/** What of an Authorization value a server could echo back: the value, its credentials, and for Basic the user:password and password. */
export function authorizationSecrets(authorization: string | undefined): string[] {
  if (!authorization) return [];
  const credentials = authorization.slice(authorization.indexOf(' ') + 1).trim();
  const secrets = [authorization, credentials];
  if (/^basic$/i.test(authorization.split(' ')[0])) {
    const decoded = Buffer.from(credentials, 'base64').toString('utf8');
    secrets.push(decoded, decoded.slice(decoded.indexOf(':') + 1));
  }
  // Longest first, so that a part never leaves the rest of a longer secret behind; a few characters are no secret.
  return [...new Set(secrets)].filter((s) => s.length >= 4).sort((a, b) => b.length - a.length);
}

/** The headers a WebSocket to the endpoint opens with (its Authorization, if it has one). */
export const endpointSocketHeaders = (endpoint: Pick<Endpoint, 'authorization'>): Record<string, string> =>
  endpoint.authorization ? { authorization: endpoint.authorization } : {};
