// "Find models" from the contract to the server, and the settings fields ComfyUI model rows use.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultSettings, EndpointSchema } from '../../src-shared/settings';
import { createBuiltInRuntime } from '../../src-main/platform/endpoints/transformers-js/builtin-runtime';
import { discoverModels } from '../../src-main/platform/endpoints/discover-models';
import { createEndpointAdapters } from '../../src-main/platform/endpoints/registry';
import { startFakeComfy, type FakeComfy } from '../support/fake-comfyui';

let comfy: FakeComfy;
beforeAll(async () => void (comfy = await startFakeComfy({ checkpoints: ['SD15/dreamshaper_8.safetensors'], controlnets: ['control_v11p_sd15_openpose.pth'] })));
afterAll(async () => {
  await comfy.close();
  await builtIn.close();
});
const builtIn = createBuiltInRuntime({ dataDir: mkdtempSync(join(tmpdir(), 'hgs-discover-')), settings: defaultSettings });
const adapters = createEndpointAdapters(builtIn.adapter);

describe('endpoints.discover', () => {
  it('lists what a ComfyUI server has, with a sentence for the user', async () => {
    const found = await discoverModels(adapters, { protocol: 'comfyui', url: ` ${comfy.url} ` });
    expect(found.models).toEqual([
      { id: 'SD15/dreamshaper_8.safetensors', task: 'text-to-image' },
      { id: 'SD15/dreamshaper_8.safetensors', task: 'image-to-image' },
      { id: 'SD15/dreamshaper_8.safetensors', task: 'openpose-text-to-image', controlnet: 'control_v11p_sd15_openpose.pth' },
    ]);
    expect(found.message).toBe(`Found 3 model row(s) on ${comfy.url}.`);
  });

  it('says so when the protocol cannot tell, and refuses a missing or bad address', async () => {
    expect(await discoverModels(adapters, { protocol: 'toolkit', url: comfy.url })).toMatchObject({ models: [], message: expect.stringContaining('add them by hand') });
    await expect(discoverModels(adapters, { protocol: 'comfyui', url: '' })).rejects.toMatchObject({ kind: 'invalid-input', message: expect.stringContaining('url') });
    await expect(discoverModels(adapters, { protocol: 'tgi', url: 'file:///etc/passwd' })).rejects.toMatchObject({ kind: 'invalid-input' });
  });

  it('names the server it could not reach', async () => {
    await expect(discoverModels(adapters, { protocol: 'comfyui', url: 'http://127.0.0.1:9' })).rejects.toMatchObject({
      kind: 'endpoint-unreachable', message: expect.stringContaining('Could not ask http://127.0.0.1:9 for its models'),
    });
  });
});

describe('ComfyUI model rows in settings', () => {
  const endpoint = (protocol: string, models: unknown[]) => EndpointSchema.safeParse({ name: 'e', protocol, url: 'http://127.0.0.1:8188', models });

  it('takes checkpoint file names on ComfyUI and repo ids elsewhere', () => {
    expect(endpoint('comfyui', [{ id: 'SDXL/base 1.0/sd_xl_base_1.0.safetensors', task: 'text-to-image' }]).success).toBe(true);
    const hf = endpoint('hf', [{ id: 'SDXL/base 1.0/sd_xl_base_1.0.safetensors', task: 'text-to-image' }]);
    expect(hf.success).toBe(false);
    expect(hf.error?.issues[0]).toMatchObject({ path: ['models', 0, 'id'], message: expect.stringContaining('repo id') });
    expect(endpoint('comfyui', [{ id: '../../etc/passwd', task: 'text-to-image' }]).success).toBe(false);
  });

  it('checks the places of a user workflow', () => {
    const row = (fill: unknown) => ({ id: 'a.safetensors', task: 'text-to-image', workflow: { file: '/w.json', fill } });
    expect(endpoint('comfyui', [row({ prompt: '6.text', seed: '3.seed' })]).success).toBe(true);
    expect(endpoint('comfyui', [row({ prompt: 'six' })]).success).toBe(false);
    expect(endpoint('comfyui', [row({ colour: '6.text' })]).success).toBe(false);
  });
});
