import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ModelOnEndpoint } from '../../src-shared/settings';
import type { CallProgress, InferenceInput } from '../../src-main/engine/inference';
import { comfyuiAdapter } from '../../src-main/platform/endpoints/comfyui-adapter';
import { endpointFetch } from '../../src-main/platform/endpoints/endpoint-auth';
import { comfyModelRows, controlKindOf } from '../../src-main/platform/endpoints/comfyui/comfy-discovery';
import type { EndpointCall } from '../../src-main/platform/endpoints/endpoint-adapter';
import { pngFor, startFakeComfy, type FakeComfy, type FakeComfyOptions } from '../support/fake-comfyui';
import textToImageTemplate from '../../resources/comfyui/text-to-image.json' with { type: 'json' };

const CHECKPOINT = 'v1-5-pruned-emaonly.safetensors';
const POSE_NET = 'control_v11p_sd15_openpose.pth';
let fake: FakeComfy;
afterEach(() => fake?.close());

async function comfy(options: FakeComfyOptions = {}): Promise<FakeComfy> {
  fake = await startFakeComfy({ checkpoints: [CHECKPOINT, 'sd_xl_base_1.0.safetensors'], controlnets: [POSE_NET], ...options });
  return fake;
}

const text = (value: string): InferenceInput => ({ modality: 'text', text: value });
const image = (bytes: Buffer): InferenceInput => ({ modality: 'image', bytes, mime: 'image/png', name: 'in.png' });

function call(task: string, inputs: Record<string, InferenceInput>, extra: { entry?: ModelOnEndpoint; signal?: AbortSignal; progress?: CallProgress[]; model?: string } = {}): EndpointCall {
  const model = extra.model ?? CHECKPOINT;
  return {
    task, model, inputs,
    target: { kind: 'endpoint', endpoint: 'comfy', protocol: 'comfyui', url: fake.url },
    signal: extra.signal ?? new AbortController().signal,
    onProgress: (p) => extra.progress?.push(p),
    endpoint: { name: 'comfy', protocol: 'comfyui', url: fake.url, enabled: true, models: [] },
    entry: extra.entry ?? { id: model, task },
    fetch,
  };
}

const adapter = comfyuiAdapter({ pollMs: 20 });

describe('comfyui adapter: text-to-image', () => {
  it('queues the bundled workflow with prompt, seed and checkpoint filled, and returns the image ComfyUI saved', async () => {
    await comfy();
    const progress: CallProgress[] = [];
    const [out] = await adapter.run(call('text-to-image', { text: text('a heron at dawn'), seed: text('42') }, { progress }));
    const { prompt } = fake.prompts[0];
    expect(prompt['6'].inputs.text).toBe('a heron at dawn');
    expect(prompt['3'].inputs.seed).toBe(42);
    expect(prompt['4'].inputs.ckpt_name).toBe(CHECKPOINT);
    expect(prompt['5'].inputs).toMatchObject({ width: 512, height: 512 });
    expect(Object.values(prompt).map((n) => n.class_type).sort()).toEqual(Object.values(textToImageTemplate).map((n) => n.class_type).sort());
    expect(out).toMatchObject({ port: 'image', modality: 'image', mime: 'image/png' });
    expect(Buffer.from((out as { bytes: Uint8Array }).bytes)).toEqual([...fake.outputs.values()][0]);
    expect(fake.log).toContain('GET /view');
    // /ws progress: the KSampler's 20 steps as fractions, every tenth of the way.
    const steps = progress.filter((p) => p.message.startsWith('ComfyUI: step'));
    expect(steps.at(-1)).toEqual({ message: 'ComfyUI: step 20 of 20', fraction: 1 });
    expect(steps.map((p) => p.fraction)).toEqual([0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]);
  });

  it('behind a proxy that wants credentials, sends the endpoint\'s Authorization on every request and on the /ws upgrade, so progress still arrives', async () => {
    const authorization = `Basic ${Buffer.from('studio:s3cret').toString('base64')}`;
    await comfy({ requireAuthorization: authorization });
    const progress: CallProgress[] = [];
    const plain = call('text-to-image', { text: text('a heron at dawn'), seed: text('42') }, { progress });
    const endpoint = { ...plain.endpoint, authorization };
    const [out] = await adapter.run({ ...plain, endpoint, fetch: endpointFetch(fetch, endpoint) });
    expect(out).toMatchObject({ modality: 'image', mime: 'image/png' });
    expect(fake.log).toContain('UPGRADE /ws');
    expect(progress.at(-1)).toEqual({ message: 'ComfyUI: step 20 of 20', fraction: 1 });
    // Without them the proxy refuses, and the error says so.
    await expect(adapter.run(call('text-to-image', { text: text('a heron') }))).rejects.toThrow(/401/);
  });

  it('polls /history when the server has no /ws', async () => {
    await comfy({ websocket: false });
    const [out] = await adapter.run(call('text-to-image', { text: text('a heron'), seed: text('1') }));
    expect(out.modality).toBe('image');
    expect(fake.log.filter((l) => l.startsWith('GET /history/')).length).toBeGreaterThanOrEqual(1);
  });

  it('uses 1024 pixels for SDXL checkpoints', async () => {
    await comfy();
    await adapter.run(call('text-to-image', { text: text('a heron'), seed: text('1') }, { model: 'sd_xl_base_1.0.safetensors' }));
    expect(fake.prompts[0].prompt['5'].inputs).toMatchObject({ width: 1024, height: 1024 });
  });
});

describe('comfyui adapter: images in', () => {
  it('uploads the input image with /upload/image and loads it by the name ComfyUI gave', async () => {
    await comfy();
    const input = pngFor('input');
    await adapter.run(call('image-to-image', { image: image(input), text: text('as a watercolour'), seed: text('7') }));
    const [name] = [...fake.uploads.keys()];
    expect(fake.uploads.get(name)).toEqual(input);
    expect(fake.prompts[0].prompt['10'].inputs.image).toBe(name);
    expect(fake.prompts[0].prompt['6'].inputs.text).toBe('as a watercolour');
  });

  it('runs a ControlNet task with the model row\'s ControlNet file', async () => {
    await comfy();
    const entry = { id: CHECKPOINT, task: 'openpose-text-to-image', controlnet: POSE_NET };
    await adapter.run(call('openpose-text-to-image', { image: image(pngFor('pose')), text: text('a girl reading'), seed: text('3') }, { entry }));
    const { prompt } = fake.prompts[0];
    expect(prompt['11'].inputs.control_net_name).toBe(POSE_NET);
    expect(prompt['12'].class_type).toBe('ControlNetApplyAdvanced');
    expect(prompt['3'].inputs.positive).toEqual(['12', 0]);
  });

  it('refuses a ControlNet task whose model row names no ControlNet, before calling the server', async () => {
    await comfy();
    await expect(adapter.run(call('openpose-text-to-image', { image: image(pngFor('pose')), text: text('x') }))).rejects.toMatchObject({
      kind: 'invalid-input', message: expect.stringContaining('set "controlnet"'),
    });
    expect(fake.log).toEqual([]);
  });
});

describe('comfyui adapter: failures', () => {
  it('turns a 400 with node_errors into an invalid-input error naming the node and the bad value', async () => {
    await comfy();
    const failure = adapter.run(call('text-to-image', { text: text('x'), seed: text('1') }, { model: 'missing.safetensors' }));
    await expect(failure).rejects.toMatchObject({ kind: 'invalid-input', retriable: false, details: { status: 400 } });
    await expect(failure).rejects.toThrow("ComfyUI refused the workflow: Prompt outputs failed validation - CheckpointLoaderSimple (node 4): Value not in list: ckpt_name: 'missing.safetensors' not in");
  });

  it('reports an execution error from /history with the node that failed', async () => {
    await comfy({ failIn: { node: '3', message: 'CUDA out of memory' } });
    await expect(adapter.run(call('text-to-image', { text: text('x'), seed: text('1') }))).rejects.toThrow('ComfyUI failed in KSampler (node 3): CUDA out of memory');
  });

  it('interrupts the prompt on the server when the call is cancelled', async () => {
    await comfy({ hold: true });
    const controller = new AbortController();
    const progress: CallProgress[] = [];
    const running = adapter.run(call('text-to-image', { text: text('x'), seed: text('1') }, { signal: controller.signal, progress }));
    await expect.poll(() => progress.some((p) => p.fraction === 1)).toBe(true);
    controller.abort();
    await expect(running).rejects.toMatchObject({ kind: 'cancelled' });
    expect(fake.log).toContain('POST /interrupt');
    expect(fake.log).toContain('POST /queue');
  });

  it('says which server could not be reached', async () => {
    await comfy();
    const url = fake.url;
    await fake.close();
    const c = call('text-to-image', { text: text('x') });
    c.endpoint = { ...c.endpoint, url };
    await expect(adapter.run(c)).rejects.toMatchObject({ kind: 'network' });
  });
});

describe('comfyui adapter: a user workflow', () => {
  const workflowFile = (content: unknown): string => {
    const file = join(mkdtempSync(join(tmpdir(), 'hgs-comfy-')), 'workflow_api.json');
    writeFileSync(file, JSON.stringify(content));
    return file;
  };

  it('fills the places the model row names in the exported workflow', async () => {
    await comfy();
    const mine = structuredClone(textToImageTemplate) as Record<string, any>;
    mine['3'].inputs.steps = 30;
    const entry = { id: CHECKPOINT, task: 'text-to-image', workflow: { file: workflowFile(mine), fill: { prompt: '6.text', seed: '3.seed' } } };
    await adapter.run(call('text-to-image', { text: text('a heron'), seed: text('9') }, { entry }));
    expect(fake.prompts[0].prompt['3'].inputs).toMatchObject({ steps: 30, seed: 9 });
    expect(fake.prompts[0].prompt['6'].inputs.text).toBe('a heron');
  });

  it('refuses a workflow saved in the UI format, and one with nowhere to put the prompt', async () => {
    await comfy();
    const ui = { id: CHECKPOINT, task: 'text-to-image', workflow: { file: workflowFile({ nodes: [], links: [] }), fill: { prompt: '6.text' } } };
    await expect(adapter.run(call('text-to-image', { text: text('x') }, { entry: ui }))).rejects.toThrow('Export (API)');
    const noPrompt = { id: CHECKPOINT, task: 'text-to-image', workflow: { file: workflowFile(textToImageTemplate), fill: {} } };
    await expect(adapter.run(call('text-to-image', { text: text('x') }, { entry: noPrompt }))).rejects.toThrow('says nowhere to put the prompt');
  });
});

describe('comfyui health and discovery', () => {
  it('checks GET /system_stats', async () => {
    await comfy();
    const health = await adapter.health({ name: 'comfy', protocol: 'comfyui', url: fake.url, enabled: true, models: [] });
    expect(health).toMatchObject({ ok: true, message: 'healthy (HTTP 200)' });
    expect(fake.log).toEqual(['GET /system_stats']);
  });

  it('lists checkpoints as text-to-image and image-to-image rows and ControlNets by their kind', async () => {
    await comfy({ controlnets: [POSE_NET, 'diffusers_xl_canny_mid.safetensors', 'mystery.pth'] });
    const rows = await adapter.discover!({ name: 'comfy', protocol: 'comfyui', url: fake.url, enabled: true, models: [] });
    expect(rows).toEqual([
      { id: CHECKPOINT, task: 'text-to-image' },
      { id: CHECKPOINT, task: 'image-to-image' },
      { id: 'sd_xl_base_1.0.safetensors', task: 'text-to-image' },
      { id: 'sd_xl_base_1.0.safetensors', task: 'image-to-image' },
      { id: CHECKPOINT, task: 'openpose-text-to-image', controlnet: POSE_NET },
      { id: 'sd_xl_base_1.0.safetensors', task: 'canny-text-to-image', controlnet: 'diffusers_xl_canny_mid.safetensors' },
    ]);
  });

  it('reads the newer COMBO form of choices too', async () => {
    await comfy({ comboV3: true, checkpoints: ['flux1-dev-fp8.safetensors'] });
    const rows = await adapter.discover!({ name: 'comfy', protocol: 'comfyui', url: fake.url, enabled: true, models: [] });
    expect(rows.map((r) => r.id)).toEqual(['flux1-dev-fp8.safetensors', 'flux1-dev-fp8.safetensors', 'flux1-dev-fp8.safetensors']);
  });

  it('names ControlNet kinds from file names', () => {
    expect(controlKindOf('t2i-adapter_diffusers_xl_depth_midas.safetensors')).toBe('depth');
    expect(controlKindOf('control_v11p_sd15_softedge.pth')).toBe('hed');
    expect(controlKindOf('ip-adapter.bin')).toBeUndefined();
    expect(comfyModelRows([], [POSE_NET])).toEqual([]);
  });
});
