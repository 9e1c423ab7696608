// Every endpoint protocol's adapter, keyed by protocol: a protocol without an adapter is a compile error.
import type { EndpointProtocol } from '../../../src-shared/endpoint-protocols';
import { checkEndpointHealth } from '../endpoint-health';
import { createHfModelRunner } from '../inference/hf-model-runner';
import { comfyuiAdapter, type ComfyAdapterOptions } from './comfyui-adapter';
import type { EndpointAdapter } from './endpoint-adapter';
import { tgiAdapter } from './tgi-adapter';
import { toolkitAdapter } from './toolkit-adapter';

/**
 * The Hugging Face wire format at `<url>/models/<id>`: today's invokers with an endpointUrl, through the call's fetch
 * (which carries the endpoint's credentials); the Hugging Face token goes only to Hugging Face hosts (the runner checks).
 */
function hfAdapter(): EndpointAdapter {
  return {
    protocol: 'hf',
    run: (call) => createHfModelRunner({ token: call.hfToken, fetch: call.fetch }).run(call),
    health: (endpoint, options) => checkEndpointHealth(endpoint, options),
  };
}

/** What the adapters may be told (tests shorten ComfyUI's poll). */
export interface EndpointAdapterOptions {
  comfyui?: ComfyAdapterOptions;
}

/** The adapters, given the built-in runtime's adapter. */
export function createEndpointAdapters(builtIn: EndpointAdapter, options: EndpointAdapterOptions = {}): Record<EndpointProtocol, EndpointAdapter> {
  return {
    hf: hfAdapter(),
    toolkit: toolkitAdapter(),
    tgi: tgiAdapter(),
    comfyui: comfyuiAdapter(options.comfyui),
    'transformers.js': builtIn,
  };
}
