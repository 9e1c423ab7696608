// The ModelRunner on @huggingface/inference: calls a model on Hugging Face's Inference Providers (or, for the
// `hf` endpoint protocol, a server speaking the Hugging Face wire format), runs the task's invoker, and
// classifies every failure as an InferenceError.
import { InferenceClient, setLogger } from '@huggingface/inference';
import { InferenceError, type InferenceCall, type ModelRunner, type RawOutput } from '../../engine/inference';
import { cloudRoutes, usableProviders, whyUnusable, type RouteOptions, type UsableProvider } from './cloud-routes';
import { hfHostsFetch, LIBRARY_HUB_URL, LIBRARY_ROUTER_URL } from './hf-hosts';
import { cloudFailure, toInferenceError, type FailureContext } from './inference-errors';
import type { InvokeArgs } from './invoker';
import { createProviderMappings, type ProviderMappings } from './provider-mappings';
import { findInvoker } from './registry';
import { isHuggingFaceHost } from '../huggingface-hosts';

/** How the runner reaches Hugging Face. */
export interface HfModelRunnerOptions {
  /** The Hugging Face token (settings.huggingface.token); sent to the configured Hugging Face hosts only. */
  token?: string;
  /** settings.huggingface.hubUrl: provider mappings are read there (default https://huggingface.co). */
  hubUrl?: string;
  /** settings.huggingface.routerUrl: every cloud call goes there (default https://router.huggingface.co). */
  routerUrl?: string;
  /** settings.huggingface.provider: "auto" (the first usable provider of the model's mapping) or one provider. */
  provider?: string;
  /** The cached mapping lookups, shared with selection so that a request costs one Hub call per model (default: its own). */
  mappings?: ProviderMappings;
  /** The fetch the library and raw POSTs use (tests may wrap it). */
  fetch?: typeof fetch;
}

// The library logs routing decisions with console.log, which would corrupt the CLI's `--json` stdout.
setLogger({ debug: () => undefined, info: () => undefined, log: () => undefined, warn: console.error, error: console.error });

/** Re-exported for the callers that import it from here. */
export { isHuggingFaceHost };

/** Creates the runner. One InferenceClient per call, so that concurrent calls never share state. */
export function createHfModelRunner(options: HfModelRunnerOptions = {}): ModelRunner {
  const baseFetch = options.fetch ?? fetch;
  const hosts = { hubUrl: options.hubUrl ?? LIBRARY_HUB_URL, routerUrl: options.routerUrl ?? LIBRARY_ROUTER_URL };
  const mappings = options.mappings ?? createProviderMappings({ hubUrl: () => hosts.hubUrl, token: () => options.token, fetch: baseFetch });
  return {
    async run(call: InferenceCall): Promise<RawOutput[]> {
      const invoker = findInvoker(call.task);
      if (!invoker) throw new InferenceError('invalid-input', `Task type "${call.task}" cannot be run on a model.`);
      const cloud = call.target.kind === 'huggingface';
      const where = call.target.kind === 'endpoint' ? `endpoint "${call.target.endpoint}"` : 'Hugging Face';
      const failure: FailureContext = { signal: call.signal, where, secrets: options.token ? [options.token] : [] };
      const callFetch = cloud ? hfHostsFetch(baseFetch, hosts) : baseFetch;
      const recordingFetch: typeof fetch = async (input, init) => {
        failure.lastUrl = input instanceof Request ? input.url : String(input);
        failure.lastHeaders = undefined;
        const response = await callFetch(input, init);
        failure.lastHeaders = response.headers;
        return response;
      };
      if (call.signal.aborted) throw toInferenceError(call.signal.reason, failure);
      let args: InvokeArgs;
      if (cloud && cloudRoutes(call.task).length === 0) {
        // ControlNet types: the invoker refuses them off a local endpoint, with its own explanation.
        args = { ...common(call, recordingFetch), rawUrl: '', local: false };
      } else if (cloud) {
        const chosen = await chooseProvider(call, mappings, options.provider, { customRouter: hosts.routerUrl.replace(/\/+$/, '') !== LIBRARY_ROUTER_URL });
        failure.where = `Hugging Face (${chosen.provider})`;
        failure.cloud = { model: call.model, provider: chosen.provider };
        args = cloudArgs(call, chosen, recordingFetch, options.token);
      } else {
        args = endpointArgs(call, recordingFetch, options.token);
      }
      try {
        const client = new InferenceClient(args.accessToken);
        return await invoker.invoke(client, args);
      } catch (error) {
        throw cloud ? cloudFailure(error, failure) : toInferenceError(error, failure);
      }
    },
  };
}

/** The first provider of the model's live mapping that fits the task (or the configured one); `no-provider` otherwise. */
async function chooseProvider(call: InferenceCall, mappings: ProviderMappings, provider: string | undefined, route: RouteOptions): Promise<UsableProvider> {
  const mapping = await mappings.get(call.model, call.signal);
  const wanted = call.target.kind === 'huggingface' ? call.target.provider || provider || 'auto' : 'auto';
  const usable = usableProviders(mapping, call.task, route);
  const chosen = usable.find((p) => wanted === 'auto' || p.provider === wanted);
  if (chosen) return chosen;
  const why = usable.length > 0 ? `provider "${wanted}" (huggingface.provider) does not serve it` : whyUnusable(mapping, call.task, route);
  throw new InferenceError('no-provider', `${call.model} cannot run "${call.task}" on Hugging Face: ${why}.`, { retriable: false });
}

function common(call: InferenceCall, fetchFn: typeof fetch) {
  return {
    model: call.model,
    inputs: call.inputs,
    signal: call.signal,
    options: { retry_on_error: false as const, signal: call.signal, fetch: fetchFn },
  };
}

function cloudArgs(call: InferenceCall, chosen: UsableProvider, fetchFn: typeof fetch, token: string | undefined): InvokeArgs {
  // Raw wire-format POSTs use the library's router address too, so the same fetch rewrites them.
  const rawUrl = `${LIBRARY_ROUTER_URL}/hf-inference/models/${call.model}`;
  return { ...common(call, fetchFn), provider: chosen.provider, cloudRoute: chosen.route, rawUrl, accessToken: token, local: false };
}

function endpointArgs(call: InferenceCall, fetchFn: typeof fetch, token: string | undefined): InvokeArgs {
  const url = call.target.kind === 'endpoint' ? call.target.url : '';
  return { ...common(call, fetchFn), endpointUrl: url, rawUrl: url, accessToken: isHuggingFaceHost(url) ? token : undefined, local: true };
}
