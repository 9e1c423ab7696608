// Every endpoint protocol's adapter, keyed by protocol: a protocol without an adapter is a compile error.
import type { EndpointProtocol } from '../../../src-shared/endpoint-protocols';
import { InferenceError, type ModelRunner } from '../../engine/inference';
import { checkEndpointHealth } from '../endpoint-health';
import type { EndpointAdapter } from './endpoint-adapter';

/** The Hugging Face wire format at `<url>/models/<id>`: today's invokers with an endpointUrl. */
function hfAdapter(hfRunner: ModelRunner): EndpointAdapter {
  return { protocol: 'hf', run: (call) => hfRunner.run(call), health: (endpoint, options) => checkEndpointHealth(endpoint, options) };
}

// TODO(protocols): replaced by the toolkit, tgi and comfyui adapters being written now.
function notYet(protocol: EndpointProtocol): EndpointAdapter {
  return {
    protocol,
    run: () => Promise.reject(new InferenceError('invalid-input', `Endpoint protocol "${protocol}" is not supported yet.`, { retriable: false })),
    health: (endpoint, options) => checkEndpointHealth(endpoint, options),
  };
}

/** The adapters, given the runner that speaks the Hugging Face wire format and the built-in runtime's adapter. */
export function createEndpointAdapters(hfRunner: ModelRunner, builtIn: EndpointAdapter): Record<EndpointProtocol, EndpointAdapter> {
  return {
    hf: hfAdapter(hfRunner),
    toolkit: notYet('toolkit'),
    tgi: notYet('tgi'),
    comfyui: notYet('comfyui'),
    'transformers.js': builtIn,
  };
}
