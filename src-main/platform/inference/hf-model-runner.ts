// The ModelRunner on @huggingface/inference: routes a call to a local endpoint or Hugging Face, runs the
// task's invoker, and classifies every failure as an InferenceError.
import { InferenceClient, setLogger } from '@huggingface/inference';
import { InferenceError, type InferenceCall, type ModelRunner, type RawOutput } from '../../engine/inference';
import { toInferenceError, type FailureContext } from './inference-errors';
import type { InvokeArgs } from './invoker';
import { findInvoker } from './registry';
import { isHuggingFaceHost } from '../huggingface-hosts';

/** How the runner reaches Hugging Face. */
export interface HfModelRunnerOptions {
  /** The Hugging Face token (settings.huggingface.token); sent to Hugging Face hosts only. */
  token?: string;
  /** settings.huggingface.endpointUrl: cloud calls go to `${cloudEndpointUrl}/models/<model>` (hf-inference layout). */
  cloudEndpointUrl?: string;
  /** The fetch the library and raw POSTs use (tests may wrap it). */
  fetch?: typeof fetch;
}

/** Where hf-inference serves models when no cloud endpoint URL is configured. */
export const HF_INFERENCE_MODELS_URL = 'https://router.huggingface.co/hf-inference/models';

// The library logs routing decisions with console.log, which would corrupt the CLI's `--json` stdout.
setLogger({ debug: () => undefined, info: () => undefined, log: () => undefined, warn: console.error, error: console.error });

/** Re-exported for the callers that import it from here. */
export { isHuggingFaceHost };

/** Creates the runner. One InferenceClient per call, so that concurrent calls never share state. */
export function createHfModelRunner(options: HfModelRunnerOptions = {}): ModelRunner {
  const baseFetch = options.fetch ?? fetch;
  const cloudBase = options.cloudEndpointUrl?.replace(/\/+$/, '');
  return {
    async run(call: InferenceCall): Promise<RawOutput[]> {
      const invoker = findInvoker(call.task);
      if (!invoker) throw new InferenceError('invalid-input', `Task type "${call.task}" cannot be run on a model.`);
      const where = call.target.kind === 'endpoint' ? `endpoint "${call.target.endpoint}"` : 'Hugging Face';
      const failure: FailureContext = { signal: call.signal, where, secrets: options.token ? [options.token] : [] };
      const recordingFetch: typeof fetch = async (input, init) => {
        failure.lastUrl = input instanceof Request ? input.url : String(input);
        failure.lastHeaders = undefined;
        const response = await baseFetch(input, init);
        failure.lastHeaders = response.headers;
        return response;
      };
      const args = invokeArgs(call, recordingFetch, options.token, cloudBase);
      if (call.signal.aborted) throw toInferenceError(call.signal.reason, failure);
      try {
        const client = new InferenceClient(args.accessToken);
        return await invoker.invoke(client, args);
      } catch (error) {
        throw toInferenceError(error, failure);
      }
    },
  };
}

function invokeArgs(call: InferenceCall, fetchFn: typeof fetch, token: string | undefined, cloudBase: string | undefined): InvokeArgs {
  const common = {
    model: call.model,
    inputs: call.inputs,
    signal: call.signal,
    options: { retry_on_error: false as const, signal: call.signal, fetch: fetchFn },
  };
  if (call.target.kind === 'endpoint') {
    const url = call.target.url;
    return { ...common, endpointUrl: url, rawUrl: url, accessToken: isHuggingFaceHost(url) ? token : undefined, local: true };
  }
  if (cloudBase) {
    const url = `${cloudBase}/models/${call.model}`;
    return { ...common, endpointUrl: url, rawUrl: url, accessToken: token, local: false };
  }
  return { ...common, provider: call.target.provider || 'auto', rawUrl: `${HF_INFERENCE_MODELS_URL}/${call.model}`, accessToken: token, local: false };
}
