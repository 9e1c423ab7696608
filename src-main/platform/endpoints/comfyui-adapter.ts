// The `comfyui` protocol: a ComfyUI server runs text-to-image, image-to-image and ControlNet generation
// through API-format workflows (the bundled templates, or the user's own), with checkpoints as models.
import { createHash, randomUUID } from 'node:crypto';
import { SEED_PORT } from '../../../src-shared/seed';
import type { Endpoint, ModelOnEndpoint } from '../../../src-shared/settings';
import { InferenceError, type RawOutput } from '../../engine/inference';
import { checkEndpointHealth } from '../endpoint-health';
import { endpointSocketHeaders } from './endpoint-auth';
import { ComfyClient, type ComfyFile, type ComfyHistoryEntry } from './comfyui/comfy-client';
import { openProgressFeed, waitForHistory, wakeSignal } from './comfyui/comfy-progress';
import { bundledWorkflow, fillWorkflow, requirePlaces, saveImageNodes, userWorkflow, type FillableWorkflow, type WorkflowValues } from './comfyui/comfy-workflow';
import { discoverComfyModels } from './comfyui/comfy-discovery';
import type { EndpointAdapter, EndpointCall } from './endpoint-adapter';
import { classified, serverUrl } from './endpoint-http';

/** How the adapter follows prompts (tests shorten the poll). */
export interface ComfyAdapterOptions {
  /** Milliseconds between two GET /history polls (the /ws socket wakes the poll earlier). */
  pollMs?: number;
}

const isControlTask = (task: string): boolean => task.endsWith('-text-to-image') && task !== 'text-to-image';

async function workflowFor(call: EndpointCall): Promise<FillableWorkflow> {
  const fillable = call.entry?.workflow ? await userWorkflow(call.entry.workflow) : bundledWorkflow(call.task);
  if (!fillable) throw new InferenceError('invalid-input', `ComfyUI runs text-to-image, image-to-image and ControlNet generation, not ${call.task}.`, { retriable: false });
  const needed: Array<'prompt' | 'image' | 'controlnet'> = ['prompt'];
  if (call.inputs.image) needed.push('image');
  if (isControlTask(call.task) && !call.entry?.workflow) needed.push('controlnet');
  requirePlaces(fillable, needed);
  return fillable;
}

function controlnetOf(call: EndpointCall): string | undefined {
  if (!isControlTask(call.task) || call.entry?.workflow) return call.entry?.controlnet;
  if (!call.entry?.controlnet) {
    throw new InferenceError('invalid-input', `${call.task} on ComfyUI needs the ControlNet file: set "controlnet" on model ${call.model} of endpoint "${call.endpoint.name}" (Find models fills it).`, { retriable: false });
  }
  return call.entry.controlnet;
}

/** The text of an optional text input. */
const textOf = (call: EndpointCall, port: string): string | undefined => {
  const input = call.inputs[port];
  return input?.modality === 'text' ? input.text : undefined;
};

/** The size the bundled templates use: 1024 for SDXL-class checkpoints, 512 otherwise. */
const sizeFor = (checkpoint: string): number => (/xl|sd3|flux/i.test(checkpoint) ? 1024 : 512);

async function runOnComfy(call: EndpointCall, pollMs: number): Promise<RawOutput[]> {
  const fillable = await workflowFor(call);
  const controlnet = controlnetOf(call);
  const client = new ComfyClient(serverUrl(call.endpoint), call.fetch, call.signal);
  const image = call.inputs.image;
  let uploaded: string | undefined;
  if (image && image.modality !== 'text') {
    // Named by content: ComfyUI keeps one file for the same name and bytes instead of piling up copies.
    const extension = image.mime.split('/')[1]?.replace('jpeg', 'jpg') ?? 'png';
    const hash = createHash('sha256').update(image.bytes).digest('hex').slice(0, 20);
    uploaded = await client.uploadImage(image.bytes, image.mime, `hugginggpt-${hash}.${extension}`);
  }
  const seed = textOf(call, SEED_PORT);
  const values: WorkflowValues = {
    prompt: textOf(call, 'text') ?? '',
    image: uploaded,
    seed: seed === undefined ? undefined : Number(seed),
    checkpoint: call.model,
    controlnet,
    width: sizeFor(call.model),
    height: sizeFor(call.model),
  };
  const workflow = fillWorkflow(fillable, values);

  // The client id is this call's own, so everything on its socket concerns this prompt.
  const clientId = randomUUID();
  let promptId: string | undefined;
  const wake = wakeSignal();
  const feed = await openProgressFeed(client.base, clientId, { progress: (p) => call.onProgress?.(p), ended: () => wake.fire() }, endpointSocketHeaders(call.endpoint));
  try {
    promptId = await client.queuePrompt(workflow, clientId);
    call.onProgress?.({ message: `ComfyUI: queued (${fillable.source})`, fraction: 0 });
    const entry = await waitForHistory(client, promptId, { pollMs: feed ? Math.max(pollMs, 1_000) : pollMs, signal: call.signal, wake });
    const file = outputImage(entry, saveImageNodes(workflow));
    const { bytes, mime } = await client.view(file);
    return [{ port: 'image', modality: 'image', bytes, mime }];
  } catch (error) {
    if (promptId && call.signal.aborted) await client.cancel(promptId);
    throw error;
  } finally {
    feed?.close();
  }
}

/** The image the prompt saved (its SaveImage node's first, else any output), or why there is none. */
function outputImage(entry: ComfyHistoryEntry, saveNodes: string[]): ComfyFile {
  const failure = entry.status?.messages?.find(([kind]) => kind === 'execution_error' || kind === 'execution_interrupted');
  if (entry.status?.status_str === 'error' || failure) {
    const data = (failure?.[1] ?? {}) as { node_type?: string; node_id?: string; exception_message?: string };
    if (failure?.[0] === 'execution_interrupted') throw new InferenceError('cancelled', 'The prompt was interrupted on the ComfyUI server.');
    const where = data.node_type ? ` in ${data.node_type} (node ${data.node_id})` : '';
    throw new InferenceError('http', `ComfyUI failed${where}: ${String(data.exception_message ?? 'unknown error').trim()}`, { retriable: false });
  }
  const outputs = entry.outputs ?? {};
  const ordered = [...saveNodes, ...Object.keys(outputs).filter((id) => !saveNodes.includes(id))];
  for (const id of ordered) {
    const images = (outputs[id]?.images ?? []).filter((f) => f.type !== 'temp');
    if (images.length > 0) return images[0];
  }
  throw new InferenceError('bad-output', 'ComfyUI finished the prompt without saving an image (does the workflow end in SaveImage?).', { retriable: false });
}

/** The `comfyui` adapter. */
export function comfyuiAdapter(options: ComfyAdapterOptions = {}): EndpointAdapter {
  const pollMs = options.pollMs ?? 500;
  return {
    protocol: 'comfyui',
    run: (call) => classified(`ComfyUI endpoint "${call.endpoint.name}"`, call.signal, () => runOnComfy(call, pollMs)),
    health: (endpoint, check) => checkEndpointHealth(endpoint, { ...check, path: '/system_stats' }),
    discover: (endpoint: Endpoint, check): Promise<ModelOnEndpoint[]> => discoverComfyModels(endpoint, check),
  };
}
