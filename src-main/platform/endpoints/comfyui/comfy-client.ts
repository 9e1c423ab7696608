// ComfyUI's HTTP routes, as its server.py defines them (comfyanonymous/ComfyUI, server.py):
//   POST /upload/image   multipart, field `image` (+ `type`, `overwrite`) -> {name, subfolder, type}
//   POST /prompt         {prompt, client_id} -> {prompt_id, number, node_errors}; 400 {error, node_errors} when invalid
//   GET  /history/<id>   {} until the prompt ends, then {<id>: {outputs: {<node>: {images: [...]}}, status}}
//   GET  /view?filename=&subfolder=&type=   the file's bytes
//   POST /interrupt      stops the running prompt (newer servers take {prompt_id}); POST /queue {delete: [id]}
//   GET  /object_info/<NodeClass>           a node's inputs, with the choices of its combo inputs
import { InferenceError } from '../../../engine/inference';
import { bodyOf, jsonAnswer } from '../endpoint-http';
import type { ComfyWorkflow } from './comfy-workflow';

/** A file on the ComfyUI server, as its routes name one. */
export interface ComfyFile {
  filename: string;
  subfolder: string;
  type: string;
}

/** One prompt's entry in /history. */
export interface ComfyHistoryEntry {
  outputs?: Record<string, { images?: ComfyFile[] }>;
  status?: { status_str?: string; completed?: boolean; messages?: Array<[string, Record<string, unknown>]> };
}

/** A client for one ComfyUI server. */
export class ComfyClient {
  constructor(
    readonly base: string,
    private readonly fetchFn: typeof fetch,
    private readonly signal: AbortSignal,
  ) {}

  /** Uploads an input image; ComfyUI keeps one copy of identical content under one name. */
  async uploadImage(bytes: Uint8Array, mime: string, name: string): Promise<string> {
    const form = new FormData();
    form.append('image', new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mime }), name);
    form.append('type', 'input');
    const answer = (await jsonAnswer(await this.fetchFn(`${this.base}/upload/image`, { method: 'POST', body: form, signal: this.signal }))) as Partial<ComfyFile> & { name?: unknown };
    if (typeof answer.name !== 'string') throw new InferenceError('bad-output', 'ComfyUI did not name the uploaded image.', { retriable: false });
    return answer.subfolder ? `${answer.subfolder}/${answer.name}` : answer.name;
  }

  /** Queues a workflow; a refused workflow becomes an invalid-input error naming the nodes at fault. */
  async queuePrompt(prompt: ComfyWorkflow, clientId: string): Promise<string> {
    const response = await this.fetchFn(`${this.base}/prompt`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ prompt, client_id: clientId }),
      signal: this.signal,
    });
    if (response.status === 400) throw validationError(await bodyOf(response));
    const answer = (await jsonAnswer(response)) as { prompt_id?: unknown };
    if (typeof answer.prompt_id !== 'string') throw new InferenceError('bad-output', 'ComfyUI queued the workflow without a prompt_id.', { retriable: false });
    return answer.prompt_id;
  }

  /** The prompt's history entry once it has ended, undefined while it is queued or running. */
  async history(promptId: string): Promise<ComfyHistoryEntry | undefined> {
    const answer = (await jsonAnswer(await this.fetchFn(`${this.base}/history/${encodeURIComponent(promptId)}`, { signal: this.signal }))) as Record<string, ComfyHistoryEntry>;
    return answer[promptId];
  }

  /** The bytes of an output file. */
  async view(file: ComfyFile): Promise<{ bytes: Uint8Array; mime: string }> {
    const query = new URLSearchParams({ filename: file.filename, subfolder: file.subfolder ?? '', type: file.type ?? 'output' });
    const response = await this.fetchFn(`${this.base}/view?${query}`, { signal: this.signal });
    if (!response.ok) throw new InferenceError('bad-output', `ComfyUI could not give back its output ${file.filename} (HTTP ${response.status}).`, { status: response.status, retriable: false });
    const mime = response.headers.get('content-type')?.split(';')[0] || 'image/png';
    return { bytes: new Uint8Array(await response.arrayBuffer()), mime };
  }

  /** Stops the prompt: interrupts it if it runs, removes it from the queue if it waits. Never throws. */
  async cancel(promptId: string): Promise<void> {
    const post = (path: string, body: unknown) =>
      this.fetchFn(`${this.base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(5_000) })
        .then((r) => r.body?.cancel())
        .catch(() => undefined);
    await Promise.all([post('/interrupt', { prompt_id: promptId }), post('/queue', { delete: [promptId] })]);
  }

  /** The choices of a node's combo input (e.g. CheckpointLoaderSimple's ckpt_name); [] when the node is absent. */
  async choices(nodeClass: string, input: string): Promise<string[]> {
    const answer = (await jsonAnswer(await this.fetchFn(`${this.base}/object_info/${nodeClass}`, { signal: this.signal }))) as Record<string, any>;
    const spec = answer[nodeClass]?.input?.required?.[input];
    // Older servers: [[choices...], {options}]; newer ones: ["COMBO", {options: [choices...]}].
    const list = Array.isArray(spec?.[0]) ? spec[0] : spec?.[1]?.options;
    return Array.isArray(list) ? list.filter((x: unknown): x is string => typeof x === 'string') : [];
  }
}

interface NodeError {
  class_type?: string;
  errors?: Array<{ message?: string; details?: string }>;
}

/** ComfyUI's 400 `{error, node_errors}` as one sentence per node: what is wrong and where. */
export function validationError(body: unknown): InferenceError {
  const record = (body && typeof body === 'object' ? body : {}) as { error?: unknown; node_errors?: Record<string, NodeError> };
  const error = record.error as { message?: string; details?: string } | string | undefined;
  const headline = typeof error === 'string' ? error : error?.message ?? 'the workflow is invalid';
  const nodes = Object.entries(record.node_errors ?? {}).map(([id, node]) => {
    const reasons = (node.errors ?? []).map((e) => [e.message, e.details].filter(Boolean).join(': ')).join('; ');
    return `${node.class_type ?? 'node'} (node ${id}): ${reasons || 'invalid'}`;
  });
  const details = nodes.length > 0 ? nodes.join('; ') : typeof error === 'object' && error?.details ? error.details : '';
  const excerpt = (typeof body === 'string' ? body : JSON.stringify(body) ?? '').slice(0, 500);
  return new InferenceError('invalid-input', `ComfyUI refused the workflow: ${headline}${details ? ` - ${details}` : ''}`, { status: 400, retriable: false, bodyExcerpt: excerpt });
}
