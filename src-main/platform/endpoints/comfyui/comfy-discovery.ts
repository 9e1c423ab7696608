// "Find models" on ComfyUI: its checkpoints (GET /object_info/CheckpointLoaderSimple) become text-to-image
// and image-to-image rows, and each ControlNet whose file name says its kind (GET /object_info/ControlNetLoader)
// becomes a `<kind>-text-to-image` row with a checkpoint of the same family (SDXL with SDXL, SD 1.x otherwise).
import type { Endpoint, ModelOnEndpoint } from '../../../../src-shared/settings';
import { HEALTH_TIMEOUT_MS } from '../../endpoint-health';
import type { EndpointCheckOptions } from '../endpoint-adapter';
import { classified, serverUrl } from '../endpoint-http';
import { ComfyClient } from './comfy-client';

/** ControlNet kinds by the words their file names use, most specific first. */
const KIND_WORDS: Array<[kind: string, pattern: RegExp]> = [
  ['openpose', /openpose|[^a-z]pose/i],
  ['canny', /canny/i],
  ['depth', /depth/i],
  ['mlsd', /mlsd/i],
  ['normal', /normal/i],
  ['hed', /hed|softedge/i],
  ['seg', /[^a-z]seg/i],
];

/** The ControlNet kind a file name says, if any. */
export function controlKindOf(fileName: string): string | undefined {
  return KIND_WORDS.find(([, pattern]) => pattern.test(`_${fileName}`))?.[0];
}

const isXl = (name: string): boolean => /xl/i.test(name);

/** Model rows for the checkpoints and ControlNets a ComfyUI server lists. */
export function comfyModelRows(checkpoints: string[], controlnets: string[]): ModelOnEndpoint[] {
  const rows: ModelOnEndpoint[] = checkpoints.flatMap((id) => [
    { id, task: 'text-to-image' },
    { id, task: 'image-to-image' },
  ]);
  const seen = new Set<string>();
  for (const controlnet of controlnets) {
    const kind = controlKindOf(controlnet);
    const checkpoint = checkpoints.find((c) => isXl(c) === isXl(controlnet)) ?? checkpoints[0];
    if (!kind || !checkpoint || seen.has(kind)) continue;
    seen.add(kind);
    rows.push({ id: checkpoint, task: `${kind}-text-to-image`, controlnet });
  }
  return rows;
}

/** Asks the server what it has. */
export function discoverComfyModels(endpoint: Endpoint, options: EndpointCheckOptions = {}): Promise<ModelOnEndpoint[]> {
  const signal = AbortSignal.any([AbortSignal.timeout(options.timeoutMs ?? HEALTH_TIMEOUT_MS), ...(options.signal ? [options.signal] : [])]);
  return classified(`ComfyUI at ${endpoint.url}`, signal, async () => {
    const client = new ComfyClient(serverUrl(endpoint), options.fetch ?? fetch, signal);
    const [checkpoints, controlnets] = await Promise.all([
      client.choices('CheckpointLoaderSimple', 'ckpt_name'),
      client.choices('ControlNetLoader', 'control_net_name'),
    ]);
    return comfyModelRows(checkpoints, controlnets);
  });
}
