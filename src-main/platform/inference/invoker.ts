// The shape of one task type's invoker: how it calls the model and reads the answer into RawOutputs.
import type { InferenceClient } from '@huggingface/inference';
import type { InferenceInput, RawOutput } from '../../engine/inference';
import type { CloudRoute } from './cloud-routes';

/** Options every library call gets: never retry 503 by itself, abort with the call, record responses. */
export interface CallOptions {
  retry_on_error: false;
  signal: AbortSignal;
  fetch: typeof fetch;
}

/** What an invoker receives for one call. Exactly one of `endpointUrl` and `provider` is set. */
export interface InvokeArgs {
  model: string;
  /** The model's full URL (a local endpoint, or the hf-inference layout of the cloud). */
  endpointUrl?: string;
  /** The Inference Provider chosen from the model's live mapping. */
  provider?: string;
  /** How that provider serves the task: its classic function, or chat completion (vision-language and instruct models). */
  cloudRoute?: CloudRoute;
  /** Inputs by port name. */
  inputs: Record<string, InferenceInput>;
  signal: AbortSignal;
  options: CallOptions;
  /** Where raw Hugging Face wire-format POSTs go: `endpointUrl`, or hf-inference's router URL (rewritten by `fetch`). */
  rawUrl: string;
  /** The token raw POSTs send (the library sends it itself); absent for local endpoints. */
  accessToken?: string;
  /** True when the call goes to a configured endpoint (ControlNet is refused elsewhere). */
  local: boolean;
}

/** One task type's way of calling a model. */
export interface TaskInvoker {
  type: string;
  invoke(client: InferenceClient, args: InvokeArgs): Promise<RawOutput[]>;
}

/** The routing part of a library call: `{model, endpointUrl}` or `{model, provider}`, never both. */
export function route(args: InvokeArgs): { model: string; endpointUrl: string } | { model: string; provider: any } {
  return args.endpointUrl ? { model: args.model, endpointUrl: args.endpointUrl } : { model: args.model, provider: args.provider ?? 'auto' };
}
