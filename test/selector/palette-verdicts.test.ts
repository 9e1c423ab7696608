// The task palette's verdicts come from selection's own rule. Against the fake Hub (a catalog refresh through
// @huggingface/hub's listModels, provider mappings as @huggingface/inference reads them), in every mode, each
// task type the palette greys is one selection refuses, with the same reason, and each it offers gets a model.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtInEndpoint } from '../../src-shared/built-in-models';
import type { TaskAvailability } from '../../src-shared/contract';
import { SettingsSchema, type Settings } from '../../src-shared/settings';
import { TASK_TYPES } from '../../src-shared/tasks';
import { selectModels } from '../../src-main/engine/selector/select-models';
import { taskAvailability } from '../../src-main/engine/selector/task-availability';
import { refreshCatalog } from '../../src-main/platform/hub-catalog';
import { createEngineDeps } from '../../src-main/service/engine-deps';
import { hubModelsOf } from '../support/fake-cloud';
import { startFakeHub, type FakeHub } from '../support/fake-hub';
import { localEndpoint, ScriptedChat } from './support';

// What Inference Providers serve in this fake world: no image-to-image, no depth-estimation, no text tasks.
const SERVED = [
  { id: 'facebook/detr-resnet-50', task: 'object-detection' },
  { id: 'hustvl/yolos-tiny', task: 'object-detection' },
  { id: 'google/vit-base-patch16-224', task: 'image-classification' },
  { id: 'Salesforce/blip-image-captioning-large', task: 'image-to-text' },
  { id: 'openai/whisper-large-v3', task: 'automatic-speech-recognition' },
  { id: 'stabilityai/stable-diffusion-xl-base-1.0', task: 'text-to-image' },
];

let hub: FakeHub;
let dataDir: string;
beforeAll(async () => {
  hub = await startFakeHub(hubModelsOf(SERVED));
  dataDir = mkdtempSync(join(tmpdir(), 'hgs-palette-'));
  await refreshCatalog({ hubUrl: hub.url, token: 'hf_test', dataDir, perTask: 5 });
});
afterAll(async () => {
  await hub.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const settingsWith = (config: Record<string, unknown>): Settings =>
  SettingsSchema.parse({
    endpoints: [],
    selection: { llmDoesTextTasks: false },
    ...config,
    huggingface: { token: 'hf_test', hubUrl: hub.url, routerUrl: hub.url, ...(config.huggingface as object) },
  });

/** The palette's verdicts and selection's for every task type at once, through the real composition root. */
async function bothVerdicts(settings: Settings) {
  const deps = createEngineDeps({ dataDir, settings: () => settings });
  const palette = taskAvailability(deps.catalog(), settings, deps.availability);
  const tasks = TASK_TYPES.map((spec, id) => ({ id, task: spec.type, dep: [-1], args: {} }));
  // The LLM names no model: every task with several candidates falls back to its top-ranked one.
  const selected = await selectModels({ tasks, settings, catalog: deps.catalog(), chat: new ScriptedChat('{"choices": []}'), availability: deps.availability });
  return { palette, selected, byType: new Map<string, TaskAvailability>(palette.map((a) => [a.task, a])) };
}

const VARIANTS: Array<[string, Record<string, unknown>]> = [
  ['hybrid with the built-in runtime', { execution: { mode: 'hybrid' }, endpoints: [builtInEndpoint()] }],
  ['hybrid with a local depth server', { execution: { mode: 'hybrid' }, endpoints: [localEndpoint('depth', 'http://127.0.0.1:9', [{ id: 'Intel/dpt-large', task: 'depth-estimation' }])] }],
  ['huggingface mode', { execution: { mode: 'huggingface' }, endpoints: [builtInEndpoint()] }],
  ['local mode', { execution: { mode: 'local' }, endpoints: [builtInEndpoint()] }],
  ['hybrid without a token', { execution: { mode: 'hybrid' }, huggingface: { token: undefined } }],
];

describe('the task palette agrees with selection', () => {
  it.each(VARIANTS)('greys exactly the task types selection refuses, with its reason (%s)', async (_name, config) => {
    const { palette, selected } = await bothVerdicts(settingsWith(config));
    palette.forEach((verdict, id) => {
      expect({ task: verdict.task, reason: verdict.reason }).toEqual({ task: verdict.task, reason: selected.unavailable[id] });
      if (!verdict.reason) expect(selected.selections[id], verdict.task).toBeDefined();
    });
  });

  it('greys a cloud task type no Inference Provider serves today, saying so and how to still run it', async () => {
    const { byType } = await bothVerdicts(settingsWith({ execution: { mode: 'hybrid' } }));
    expect(byType.get('image-to-image')).toEqual({
      task: 'image-to-image',
      candidates: 0,
      byLlm: false,
      reason: 'No model can run "image-to-image": no Inference Provider serves "image-to-image" today. To run it, add a local server for "image-to-image" to settings.endpoints, or plan a different task.',
    });
    expect(byType.get('object-detection')).toEqual({ task: 'object-detection', candidates: 2, byLlm: false });
    // Not "set a token" or "switch the mode": no provider serves it, whatever the settings.
    const local = (await bothVerdicts(settingsWith({ execution: { mode: 'local' } }))).byType;
    expect(local.get('depth-estimation')!.reason).toMatch(/^No model can run "depth-estimation": no Inference Provider serves "depth-estimation" today\. To run it, add the built-in runtime/);
  });

  it('offers a type no provider serves once an enabled endpoint serves it, and only that endpoint\'s models', async () => {
    const settings = settingsWith({ execution: { mode: 'hybrid' }, endpoints: [localEndpoint('depth', 'http://127.0.0.1:9', [{ id: 'Intel/dpt-large', task: 'depth-estimation' }])] });
    const { byType, selected } = await bothVerdicts(settings);
    expect(byType.get('depth-estimation')).toEqual({ task: 'depth-estimation', candidates: 1, byLlm: false });
    const depthId = TASK_TYPES.findIndex((t) => t.type === 'depth-estimation');
    expect(selected.selections[depthId]).toMatchObject({ model: 'Intel/dpt-large', endpoint: 'depth', method: 'only-candidate' });
  });

  it('asks the Hub about no model to decide the palette', async () => {
    const settings = settingsWith({ execution: { mode: 'hybrid' } });
    const deps = createEngineDeps({ dataDir, settings: () => settings });
    const before = hub.requests.length;
    taskAvailability(deps.catalog(), settings, deps.availability);
    expect(hub.requests.slice(before)).toEqual([]);
  });
});
