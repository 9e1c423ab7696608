// Whole requests through `hugginggpt run` with ComfyUI as the image server: text-to-image then image-to-image
// with a ComfyUI endpoint only, and the seed's pose chain with its pose-conditioned image made by ComfyUI.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { defaultSettings, type Settings } from '../../src-shared/settings';
import { startFakeComfy, type FakeComfy } from '../support/fake-comfyui';
import type { FakeLlm } from '../support/fake-llm';
import { routeLlm, stageOf } from '../support/routed-llm';
import { POSE_MODEL, SEED_PLAN, SEED_REQUEST } from './seed-example';
import { startSeedFakes, type SeedFakes } from './seed-fakes';

const CHECKPOINT = 'dreamshaper_8.safetensors';
const POSE_NET = 'control_v11p_sd15_openpose.pth';
const HERON_REQUEST = 'paint a heron at dawn, then make it a watercolour';
const HERON_PLAN = [
  { task: 'text-to-image', id: 0, dep: [-1], args: { text: 'a heron at dawn' } },
  { task: 'image-to-image', id: 1, dep: [0], args: { image: '<resource>-0', text: 'make it a watercolour' } },
];

let fakes: SeedFakes;
let llm: FakeLlm;
let comfy: FakeComfy;

beforeAll(async () => {
  fakes = await startSeedFakes({ seedModels: true });
  llm = fakes.llm;
  comfy = await startFakeComfy({ checkpoints: [CHECKPOINT], controlnets: [POSE_NET] });
});
afterAll(async () => {
  await fakes.close();
  await comfy.close();
});
beforeEach(() => {
  llm.requests.length = 0;
  comfy.prompts.length = 0;
  comfy.log.length = 0;
});

async function run(settings: Settings, request: string) {
  const { code, json, stderr } = await fakes.cli(['run', request, '--json'], { settings });
  return { code, stderr, doc: code === 2 ? undefined : json() };
}

const comfyEndpoint = (models: Settings['endpoints'][number]['models']): Settings['endpoints'][number] =>
  ({ name: 'comfy', protocol: 'comfyui', url: comfy.url, enabled: true, models });

describe('ComfyUI as the only endpoint', () => {
  it('paints a heron, then makes it a watercolour: the first image reaches the second prompt through /upload/image', async () => {
    routeLlm(llm, { plan: () => JSON.stringify(HERON_PLAN), respond: () => 'Here is your heron, then as a watercolour.' });
    const s = defaultSettings();
    const settings: Settings = {
      ...s,
      llm: { ...s.llm, baseURL: llm.baseURL, apiKey: 'sk-test', model: 'fake-gpt', retries: 0, timeoutMs: 10_000 },
      huggingface: { ...s.huggingface, enabled: false },
      endpoints: [comfyEndpoint([{ id: CHECKPOINT, task: 'text-to-image' }, { id: CHECKPOINT, task: 'image-to-image' }])],
      execution: { ...s.execution, mode: 'local', retries: 0, timeoutMs: 10_000 },
    };
    const { code, doc, stderr } = await run(settings, HERON_REQUEST);
    expect(stderr).not.toContain('Error:');
    expect(code).toBe(0);
    expect(doc.selections[0]).toMatchObject({ model: CHECKPOINT, endpoint: 'comfy' });
    expect(doc.results[0]).toMatchObject({ status: 'succeeded', endpoint: 'comfy' });
    expect(doc.results[1]).toMatchObject({ status: 'succeeded', endpoint: 'comfy' });
    expect(llm.requests.map(stageOf)).toEqual(['plan', 'respond']); // one candidate per task: no selection call

    const [paint, watercolour] = comfy.prompts;
    expect(paint.prompt['6'].inputs.text).toBe('a heron at dawn');
    expect(watercolour.prompt['6'].inputs.text).toBe('make it a watercolour');
    expect(Number.isInteger(paint.prompt['3'].inputs.seed)).toBe(true);
    // The first image went up with /upload/image and the second workflow loads it by the name ComfyUI gave.
    const uploaded = watercolour.prompt['10'].inputs.image;
    const [firstMade, secondMade] = [...comfy.outputs.values()].slice(-2);
    expect(comfy.uploads.get(uploaded)).toEqual(firstMade);
    expect(comfy.log.indexOf('POST /upload/image')).toBeGreaterThan(comfy.log.indexOf('POST /prompt'));
    // The outputs are the images ComfyUI made.
    expect(readFileSync(doc.results[0].outputs[0].path)).toEqual(firstMade);
    expect(readFileSync(doc.results[1].outputs[0].path)).toEqual(secondMade);
    expect(firstMade).not.toEqual(secondMade);
  });

  it('shows ComfyUI\'s validation error on the node when the checkpoint is not on the server', async () => {
    routeLlm(llm, { plan: () => JSON.stringify(HERON_PLAN.slice(0, 1)), respond: () => 'It failed.' });
    const s = defaultSettings();
    const settings: Settings = {
      ...s,
      llm: { ...s.llm, baseURL: llm.baseURL, apiKey: 'sk-test', model: 'fake-gpt', retries: 0, timeoutMs: 10_000 },
      huggingface: { ...s.huggingface, enabled: false },
      endpoints: [comfyEndpoint([{ id: 'gone.safetensors', task: 'text-to-image' }])],
      execution: { ...s.execution, mode: 'local', retries: 2, timeoutMs: 10_000 },
    };
    const { code, doc } = await run(settings, HERON_REQUEST);
    expect(code).toBe(1);
    expect(doc.results[0]).toMatchObject({ status: 'failed', error: { kind: 'invalid-input', message: expect.stringContaining("CheckpointLoaderSimple (node 4): Value not in list: ckpt_name: 'gone.safetensors'") } });
    expect(comfy.log.filter((l) => l === 'POST /prompt')).toHaveLength(1); // not retried
  });
});

describe('the seed example with ComfyUI making the pose-conditioned image', () => {
  it('detects the pose on a local endpoint, then ComfyUI draws the girl with its OpenPose ControlNet', async () => {
    routeLlm(llm, { plan: () => JSON.stringify(SEED_PLAN), respond: () => 'Here is a girl reading a book in the pose of the boy.' });
    const base = fakes.settings;
    const settings: Settings = {
      ...base,
      endpoints: [
        { ...base.endpoints[0], models: [{ id: POSE_MODEL, task: 'openpose-control' }] },
        comfyEndpoint([{ id: CHECKPOINT, task: 'openpose-text-to-image', controlnet: POSE_NET }]),
        ...base.endpoints.filter((e) => e.protocol === 'transformers.js'), // the built-in runtime, off: the rest goes to the cloud
      ],
    };
    const { code, doc, stderr } = await run(settings, SEED_REQUEST);
    expect(stderr).not.toContain('Error:');
    expect(code).toBe(0);
    expect(doc.selections[1]).toMatchObject({ model: CHECKPOINT, endpoint: 'comfy' });
    for (const id of [0, 1, 2, 3, 4]) expect(doc.results[id].status).toBe('succeeded');
    const [drawn] = comfy.prompts;
    expect(drawn.prompt['11'].inputs.control_net_name).toBe(POSE_NET);
    expect(drawn.prompt['6'].inputs.text).toBe('a girl reading a book');
    // The pose map task 0 made is the control image ComfyUI received.
    expect(comfy.uploads.get(drawn.prompt['10'].inputs.image)).toEqual(readFileSync(doc.results[0].outputs[0].path));
    expect(readFileSync(doc.results[1].outputs[0].path)).toEqual([...comfy.outputs.values()].at(-1));
  });
});
