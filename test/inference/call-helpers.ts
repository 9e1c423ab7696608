// Helpers for inference tests: inputs and calls against the fake endpoint.
import type { InferenceCall, InferenceInput, InferenceTarget } from '../../src-main/engine/inference';

/** A text input. */
export const text = (value: string): InferenceInput => ({ modality: 'text', text: value });

/** A file input. */
export const file = (modality: 'image' | 'audio' | 'video' | 'table', bytes: Uint8Array, mime: string): InferenceInput =>
  ({ modality, bytes, mime });

/** A local endpoint target for `model` on the fake at `base`. */
export const endpointTarget = (base: string, model: string): InferenceTarget =>
  ({ kind: 'endpoint', protocol: 'hf', endpoint: 'local-fake', url: `${base}/models/${model}` });

/** A call with a fresh (never aborted) signal unless one is given. */
export function makeCall(task: string, model: string, target: InferenceTarget, inputs: InferenceCall['inputs'], signal: AbortSignal = new AbortController().signal): InferenceCall {
  return { task, model, target, inputs, signal };
}
