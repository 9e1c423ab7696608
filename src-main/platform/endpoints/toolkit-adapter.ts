// The `toolkit` protocol: a Hugging Face Inference Toolkit container (what Inference Endpoints run, and what
// people run with docker) serves one model at its root. Its wire format is the Hugging Face one, so the task
// invokers do the work; this adapter points them at the root, sets `Accept` to the output expected, and
// decodes base64-in-JSON answers. What the container does (huggingface-inference-toolkit,
// src/huggingface_inference_toolkit/webservice_starlette.py and serialization/json_utils.py):
//   GET / and GET /health -> "Ok"; POST / (or /predict) with raw image/audio bytes or JSON {"inputs", "parameters"};
//   the answer is serialized for `Accept` (no Accept or */* -> application/json, where a PIL image becomes a
//   base64 PNG string); failures are 400 {"error": "..."}.
// The Hugging Face token goes only to Hugging Face-hosted endpoints (the runner checks the host).
import type { ModelRunner } from '../../engine/inference';
import { checkEndpointHealth } from '../endpoint-health';
import { createHfModelRunner } from '../inference/hf-model-runner';
import { fromBase64 } from '../inference/wire';
import { wavFromSamples } from '../audio/wav-from-samples';
import type { EndpointAdapter } from './endpoint-adapter';
import { serverUrl } from './endpoint-http';

/** Task types whose whole answer is one media file: its type, and what to ask for in `Accept`. The toolkit
 * serializes images for `image/png`, but has no serializer for audio (serialization/audio_utils.py raises)
 * nor video: for those it must answer JSON. */
const MEDIA_ANSWERS: Record<string, { mime: string; accept: string }> = {
  'text-to-image': { mime: 'image/png', accept: 'image/png' },
  'image-to-image': { mime: 'image/png', accept: 'image/png' },
  'text-to-speech': { mime: 'audio/wav', accept: 'application/json' },
  'text-to-video': { mime: 'video/mp4', accept: 'application/json' },
};

/** The Accept header for a task: the media type the toolkit can send, JSON otherwise. */
export const acceptFor = (task: string): string => MEDIA_ANSWERS[task]?.accept ?? 'application/json';

/** The base64 media in a JSON answer: a bare string, or `{image|audio|video|blob: string}`, maybe in a one-item list. */
export function base64Media(json: unknown): string | undefined {
  const value = Array.isArray(json) && json.length === 1 ? json[0] : json;
  if (typeof value === 'string') return value;
  const record = value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  const key = ['image', 'audio', 'video', 'blob', 'generated_image'].find((k) => typeof record[k] === 'string');
  return key ? (record[key] as string) : undefined;
}

/** Audio answered as samples, `{"audio": [[...]] or [...], "sampling_rate": N}`, as a WAV file. */
export function wavFromJson(json: unknown): Uint8Array | undefined {
  const record = (Array.isArray(json) && json.length === 1 ? json[0] : json) as { audio?: unknown; sampling_rate?: unknown } | null;
  const channel = Array.isArray(record?.audio) && Array.isArray(record.audio[0]) ? record.audio[0] : record?.audio;
  if (!Array.isArray(channel) || typeof record?.sampling_rate !== 'number' || !channel.every((x) => typeof x === 'number')) return undefined;
  return wavFromSamples(channel, record.sampling_rate);
}

/** A fetch that asks for the task's output type and turns a JSON media answer (base64, or samples) into bytes. */
export function toolkitFetch(base: typeof fetch, task: string): typeof fetch {
  const media = MEDIA_ANSWERS[task];
  return async (input, init) => {
    const headers = new Headers(init?.headers);
    headers.set('accept', acceptFor(task));
    const response = await base(input, { ...init, headers });
    if (!media || !response.ok || !(response.headers.get('content-type') ?? '').startsWith('application/json')) return response;
    const text = await response.text();
    let bytes: Uint8Array | undefined;
    try {
      const json: unknown = JSON.parse(text);
      const encoded = base64Media(json);
      bytes = encoded !== undefined ? fromBase64(encoded) : media.mime === 'audio/wav' ? wavFromJson(json) : undefined;
    } catch {
      bytes = undefined;
    }
    if (bytes === undefined) return new Response(text, { status: response.status, headers: response.headers });
    return new Response(bytes as Uint8Array<ArrayBuffer>, { status: 200, headers: { 'content-type': media.mime } });
  };
}

/** The `toolkit` adapter. */
export function toolkitAdapter(): EndpointAdapter {
  return {
    protocol: 'toolkit',
    run(call) {
      const url = serverUrl(call.endpoint, call.entry);
      const runner: ModelRunner = createHfModelRunner({ token: call.hfToken, fetch: toolkitFetch(call.fetch, call.task) });
      return runner.run({ ...call, target: { kind: 'endpoint', endpoint: call.endpoint.name, protocol: 'toolkit', url } });
    },
    health: (endpoint, options) => checkEndpointHealth(endpoint, options),
    // The container says nothing about the model it serves (only GET / and /health, both "Ok").
  };
}
