// Every endpoint protocol's adapter, keyed by protocol: a protocol without an adapter is a compile error.
import type { EndpointProtocol } from '../../../src-shared/endpoint-protocols';
import type { ModelRunner } from '../../engine/inference';
import { checkEndpointHealth } from '../endpoint-health';
import { comfyuiAdapter, type ComfyAdapterOptions } from './comfyui-adapter';
import type { EndpointAdapter } from './endpoint-adapter';
import { tgiAdapter } from './tgi-adapter';
import { toolkitAdapter } from './toolkit-adapter';

/** The Hugging Face wire format at `<url>/models/<id>`: today's invokers with an endpointUrl. */
function hfAdapter(hfRunner: ModelRunner): EndpointAdapter {
  return { protocol: 'hf', run: (call) => hfRunner.run(call), health: (endpoint, options) => checkEndpointHealth(endpoint, options) };
}

/** What the adapters may be told (tests shorten ComfyUI's poll). */
export interface EndpointAdapterOptions {
  comfyui?: ComfyAdapterOptions;
}

/** The adapters, given the runner that speaks the Hugging Face wire format and the built-in runtime's adapter. */
export function createEndpointAdapters(hfRunner: ModelRunner, builtIn: EndpointAdapter, options: EndpointAdapterOptions = {}): Record<EndpointProtocol, EndpointAdapter> {
  return {
    hf: hfAdapter(hfRunner),
    toolkit: toolkitAdapter(),
    tgi: tgiAdapter(),
    comfyui: comfyuiAdapter(options.comfyui),
    'transformers.js': builtIn,
  };
}
