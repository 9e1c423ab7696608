// Settings format 4 -> 5: credentials leave endpoint addresses. Until format 4 the only place for an endpoint's
// credentials was the address itself (`http://user:password@host`), kept in clear in settings.json, and no request
// with it ever left: fetch refuses a URL that includes credentials. Format 5 has `endpoints[].authorization`, a
// secret sent as the Authorization header; user:password becomes "Basic <base64>" (RFC 7617), which is what a
// server behind basic authentication expects. The settings store then moves it to the secret store.
import { redactCredentials } from '../../../src-shared/redact-credentials';
import { isPlainObject, type PlainObject } from './plain-object';


/** scheme://userinfo@: the user name and password of an address. */
const USERINFO = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#@]*)@/i;

/** An address without its credentials, and the Authorization header value they stand for (if any). */
export function splitUrlCredentials(address: string): { url: string; authorization?: string } {
  const match = USERINFO.exec(address);
  if (!match) return { url: address };
  const url = address.replace(USERINFO, '$1');
  const [user, password = ''] = match[2].split(/:(.*)/s, 2);
  const decode = (part: string) => {
    try {
      return decodeURIComponent(part);
    } catch {
      return part;
    }
  };
  if (!user && !password) return { url };
  return { url, authorization: `Basic ${Buffer.from(`${decode(user)}:${decode(password)}`, 'utf8').toString('base64')}` };
}

/**
 * Moves the credentials of each endpoint's address (and its models' addresses) into `authorization`; when a model's
 * address carries other credentials than the endpoint's, the endpoint's win and `note` says what was dropped.
 * @example migrateEndpointCredentials({ endpoints: [{ name: 'e', url: 'http://u:p@10.0.0.5' }] }, console.log).endpoints // [{ name: 'e', url: 'http://10.0.0.5', authorization: 'Basic dTpw' }]
 */
export function migrateEndpointCredentials(raw: PlainObject, note: (message: string) => void): PlainObject {
  if (!Array.isArray(raw.endpoints)) return raw;
  const endpoints = raw.endpoints.map((endpoint: unknown) => {
    if (!isPlainObject(endpoint)) return endpoint;
    const found: string[] = [];
    const strip = (address: unknown): unknown => {
      if (typeof address !== 'string') return address;
      const { url, authorization } = splitUrlCredentials(address);
      if (authorization) found.push(authorization);
      return url;
    };
    const next: PlainObject = { ...endpoint };
    if ('url' in endpoint) next.url = strip(endpoint.url);
    if (Array.isArray(endpoint.models)) next.models = endpoint.models.map((m: unknown) => (isPlainObject(m) && 'url' in m ? { ...m, url: strip(m.url) } : m));
    if (found.length === 0) return endpoint;
    next.authorization = found[0];
    const name = JSON.stringify(String(endpoint.name));
    const shown = redactCredentials(String(endpoint.url ?? ''));
    note(`endpoint ${name}: the user name and password in its address${shown ? ` (${shown})` : ''} are now its "authorization", sent as a Basic Authorization header (an address with credentials was refused by every request).`);
    if (new Set(found).size > 1) note(`endpoint ${name}: its models' addresses held other credentials than the endpoint's; only the first ones are kept (one authorization per endpoint).`);
    return next;
  });
  return { ...raw, endpoints };
}
