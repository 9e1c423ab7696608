// "Find models": asks a server, in its protocol, which models it serves, for the settings panel to fill in.
import type { EndpointDiscovery } from '../../../src-shared/contract';
import { ENDPOINT_PROTOCOL_SPECS, type EndpointProtocol } from '../../../src-shared/endpoint-protocols';
import { describeZodError, EndpointSchema } from '../../../src-shared/settings';
import { StudioError } from '../../../src-shared/contract-error';
import type { EndpointAdapter, EndpointCheckOptions } from './endpoint-adapter';
import { endpointFetch } from './endpoint-auth';

/** Asks the server at `url` what it serves (with `authorization`, if given); a bad address or an unreachable server is a StudioError. */
export async function discoverModels(
  adapters: Record<EndpointProtocol, EndpointAdapter>,
  request: { protocol: EndpointProtocol; url?: string; authorization?: string },
  options: EndpointCheckOptions = {},
): Promise<EndpointDiscovery> {
  const parsed = EndpointSchema.safeParse({ name: 'discovery', protocol: request.protocol, url: request.url?.trim() || undefined, authorization: request.authorization });
  if (!parsed.success) throw new StudioError('invalid-input', describeZodError(parsed.error));
  const endpoint = parsed.data;
  const adapter = adapters[endpoint.protocol];
  const label = ENDPOINT_PROTOCOL_SPECS[endpoint.protocol].label;
  if (!adapter.discover) return { models: [], message: `${label} does not say which models it serves: add them by hand.` };
  try {
    const models = await adapter.discover(endpoint, { ...options, fetch: endpointFetch(options.fetch ?? fetch, endpoint) });
    const message = models.length > 0 ? `Found ${models.length} model row(s) on ${endpoint.url ?? label}.` : `${endpoint.url ?? label} answered but lists no models.`;
    return { models, message };
  } catch (error) {
    throw new StudioError('endpoint-unreachable', `Could not ask ${endpoint.url ?? label} for its models: ${error instanceof Error ? error.message : String(error)}`);
  }
}
