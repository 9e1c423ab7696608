// The ModelRunner hands each endpoint call to its protocol's adapter with the model's own row.
import { describe, expect, it } from 'vitest';
import type { EndpointProtocol } from '../../src-shared/endpoint-protocols';
import { defaultSettings, type Settings } from '../../src-shared/settings';
import type { ModelRunner } from '../../src-main/engine/inference';
import type { EndpointAdapter, EndpointCall } from '../../src-main/platform/endpoints/endpoint-adapter';
import { createModelRunner } from '../../src-main/platform/model-runner';

const CHECKPOINT = 'dreamshaper_8.safetensors';

describe('createModelRunner', () => {
  it('finds the row of the task when one checkpoint has several (text-to-image, and pose with its ControlNet)', async () => {
    const calls: EndpointCall[] = [];
    const recording = (protocol: EndpointProtocol): EndpointAdapter => ({
      protocol,
      run: async (call) => {
        calls.push(call);
        return [{ port: 'image', modality: 'image', bytes: new Uint8Array([1]), mime: 'image/png' }];
      },
      health: async (endpoint) => ({ name: endpoint.name, ok: true, message: 'ok', checkedAt: 0 }),
    });
    const adapters = Object.fromEntries((['hf', 'toolkit', 'tgi', 'comfyui', 'transformers.js'] as const).map((p) => [p, recording(p)])) as Record<EndpointProtocol, EndpointAdapter>;
    const settings: Settings = {
      ...defaultSettings(),
      huggingface: { ...defaultSettings().huggingface, token: 'hf_x' },
      endpoints: [{ name: 'comfy', protocol: 'comfyui', url: 'http://127.0.0.1:8188', enabled: true, models: [
        { id: CHECKPOINT, task: 'text-to-image' },
        { id: CHECKPOINT, task: 'pose-text-to-image', controlnet: 'control_v11p_sd15_openpose.pth' },
      ] }],
    };
    const cloud: ModelRunner = { run: () => Promise.reject(new Error('not the cloud')) };
    const runner = createModelRunner({ settings: () => settings, hfRunner: cloud, adapters });
    const target = { kind: 'endpoint' as const, endpoint: 'comfy', protocol: 'comfyui' as const, url: 'http://127.0.0.1:8188' };
    const signal = new AbortController().signal;
    await runner.run({ task: 'openpose-text-to-image', model: CHECKPOINT, target, inputs: {}, signal });
    await runner.run({ task: 'text-to-image', model: CHECKPOINT, target, inputs: {}, signal });
    expect(calls.map((c) => c.entry)).toEqual([settings.endpoints[0].models[1], settings.endpoints[0].models[0]]);
    expect(calls[0]).toMatchObject({ endpoint: { name: 'comfy' }, hfToken: 'hf_x' });
  });
});
