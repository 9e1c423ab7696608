// The shape every endpoint protocol implements: calls, health and discovery for one kind of model server.
// The built-in runtime (transformers.js) is one more protocol, so the executor needs no special case.
import type { EndpointHealth } from '../../../src-shared/contract';
import type { EndpointProtocol } from '../../../src-shared/endpoint-protocols';
import type { Endpoint, ModelOnEndpoint } from '../../../src-shared/settings';
import type { InferenceCall, RawOutput } from '../../engine/inference';

/** What a protocol's call receives: the engine's call, the endpoint's settings and the model's entry. */
export interface EndpointCall extends InferenceCall {
  endpoint: Endpoint;
  /** The model's row in `endpoint.models`, when the endpoint declares it. */
  entry?: ModelOnEndpoint;
  /** The fetch to use (tests and the failure recorder wrap it). */
  fetch: typeof fetch;
  /** The Hugging Face token, for hosts that belong to Hugging Face only (the adapter checks). */
  hfToken?: string;
}

/** What health checks and discovery may be told. */
export interface EndpointCheckOptions {
  timeoutMs?: number;
  signal?: AbortSignal;
  fetch?: typeof fetch;
}

/** One endpoint protocol. */
export interface EndpointAdapter {
  protocol: EndpointProtocol;
  /** Runs one call; throws InferenceError for every failure it can classify. */
  run(call: EndpointCall): Promise<RawOutput[]>;
  /** Whether the server answers, how fast, and what it says. */
  health(endpoint: Endpoint, options?: EndpointCheckOptions): Promise<EndpointHealth>;
  /** The models the server says it serves (for "Find models" in settings); undefined when it cannot tell. */
  discover?(endpoint: Endpoint, options?: EndpointCheckOptions): Promise<ModelOnEndpoint[]>;
}
