// Endpoint credentials (endpoints[].authorization) as secrets: one per endpoint in the SecretStore, stored with
// the origins it was given for, so that it reaches only those addresses even if settings.json is edited by hand;
// and how a settings patch (which replaces every endpoint) keeps, clears or drops them.
import type { SettingsPatch } from '../../../src-shared/contract';
import { endpointOrigins, type Endpoint } from '../../../src-shared/settings';

/** The secret name of an endpoint's authorization. */
export const endpointSecretName = (endpointName: string) => `endpoint:${endpointName}` as const;

/** Whether a secret name is an endpoint's, and which. */
export const endpointOfSecret = (name: string): string | undefined => (name.startsWith('endpoint:') ? name.slice('endpoint:'.length) : undefined);

/** What the SecretStore holds for one endpoint: the header value and the origins it was given for. */
interface StoredAuthorization {
  authorization: string;
  origins: string[];
}

const sameOrigins = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((o, i) => o === b[i]);

/** The stored form of an endpoint's authorization (undefined when it has none). */
export function encodeAuthorization(endpoint: Endpoint): string | undefined {
  if (!endpoint.authorization) return undefined;
  const stored: StoredAuthorization = { authorization: endpoint.authorization, origins: endpointOrigins(endpoint) };
  return JSON.stringify(stored);
}

/** The authorization stored for `endpoint`, if it was given for the addresses the endpoint has now. */
export function decodeAuthorization(stored: string | undefined, endpoint: Endpoint): string | undefined {
  if (!stored) return undefined;
  try {
    const value = JSON.parse(stored) as Partial<StoredAuthorization>;
    if (typeof value.authorization !== 'string' || !Array.isArray(value.origins)) return undefined;
    return sameOrigins(value.origins, endpointOrigins(endpoint)) ? value.authorization : undefined;
  } catch {
    return undefined;
  }
}

type PatchedEndpoint = NonNullable<SettingsPatch['endpoints']>[number];

/** The saved authorization of the endpoint `name`, if `url` is one of the addresses it was given for (for "Find models"). */
export function savedAuthorizationFor(saved: readonly Endpoint[], name: string | undefined, url: string | undefined): string | undefined {
  const endpoint = name === undefined ? undefined : saved.find((e) => e.name === name);
  if (!endpoint?.authorization || url === undefined) return undefined;
  let origin: string;
  try {
    origin = new URL(url).origin;
  } catch {
    return undefined;
  }
  return endpointOrigins(endpoint).includes(origin) ? endpoint.authorization : undefined;
}

/** The credentials "Find models" sends: typed ones, none when cleared (`null`), else the saved ones of `name` at that address. */
export function discoverAuthorization(saved: readonly Endpoint[], req: { name?: string; url?: string; authorization?: string | null }): string | undefined {
  return req.authorization === undefined ? savedAuthorizationFor(saved, req.name, req.url) : (req.authorization ?? undefined);
}

/**
 * The endpoints of a patch with their authorizations: a string is the new one, `null` clears it, and an endpoint
 * without the key keeps the saved one of the same name (or, renamed, of the only saved endpoint with the same
 * addresses) as long as its addresses did not change: moving an endpoint drops its credentials.
 */
export function withSavedAuthorizations(saved: readonly Endpoint[], patched: readonly PatchedEndpoint[]): unknown[] {
  const patchedNames = new Set(patched.map((e) => (e && typeof e === 'object' ? e.name : undefined)));
  return patched.map((endpoint) => {
    if (!endpoint || typeof endpoint !== 'object' || !Array.isArray(endpoint.models)) return endpoint; // the schema names what is wrong
    const { authorization, ...rest } = endpoint;
    if (authorization === null) return rest;
    if (authorization !== undefined) return endpoint;
    const origins = endpointOrigins(rest as Endpoint);
    const sameAddresses = (e: Endpoint) => e.authorization !== undefined && sameOrigins(endpointOrigins(e), origins);
    const byName = saved.find((e) => e.name === rest.name);
    const renamed = saved.filter((e) => !patchedNames.has(e.name) && sameAddresses(e));
    const source = byName ? (sameAddresses(byName) ? byName : undefined) : renamed.length === 1 ? renamed[0] : undefined;
    return source ? { ...rest, authorization: source.authorization } : rest;
  });
}
