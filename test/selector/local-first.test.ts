// Hybrid is local first: what the user's enabled endpoints serve (the built-in runtime's curated models
// included) is ranked, offered to the LLM and taken as the fallback before the cloud; cloud models are
// looked up on the (fake) Hub only for the places the endpoints leave.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtInEndpoint } from '../../src-shared/built-in-models';
import type { PlanTask } from '../../src-shared/plan';
import type { Settings } from '../../src-shared/settings';
import { selectModels } from '../../src-main/engine/selector/select-models';
import { createCloudAvailability } from '../../src-main/platform/inference/cloud-availability';
import { createProviderMappings } from '../../src-main/platform/inference/provider-mappings';
import { hubModelsOf } from '../support/fake-cloud';
import { startFakeHub, type FakeHub } from '../support/fake-hub';
import { CATALOG, HF, localEndpoint, ScriptedChat, settingsWith } from './support';

const DETECTION = CATALOG.filter((m) => m.task === 'object-detection');
const detect: PlanTask = { id: 0, task: 'object-detection', dep: [-1], args: { image: 'example.jpg' } };

let hub: FakeHub;
beforeAll(async () => void (hub = await startFakeHub(hubModelsOf(DETECTION.map((m) => ({ id: m.id, task: m.task, downloads: m.downloads }))))));
afterAll(() => hub.close());

/** Selection of the one detection task against the fake Hub; `answer` is the LLM's (an Error: the call fails). */
async function select(config: Record<string, unknown>, answer: string | Error = new Error('the LLM is down')) {
  const settings: Settings = settingsWith({ ...config, huggingface: { ...HF, hubUrl: hub.url } });
  const mappings = createProviderMappings({ hubUrl: () => hub.url, token: () => HF.token });
  const availability = createCloudAvailability(mappings);
  const chat = new ScriptedChat(answer);
  const before = hub.requests.length;
  const result = await selectModels({ tasks: [detect], settings, catalog: CATALOG, chat, availability });
  return { result, chat, lookups: hub.requests.slice(before) };
}

describe('hybrid mode is local first', () => {
  it('falls back to the built-in runtime\'s model, not the most downloaded cloud one', async () => {
    const { result, chat } = await select({ execution: { mode: 'hybrid' }, endpoints: [builtInEndpoint()] });
    expect(chat.requests).toHaveLength(1);
    expect(result.selections[0]).toMatchObject({ model: 'Xenova/detr-resnet-50', endpoint: 'built-in', method: 'fallback' });
    expect(result.selections[0].reason).toMatch(/using the top-ranked candidate \(on endpoint "built-in"\)$/);
  });

  it('lists the endpoint\'s model first to the LLM, says where each runs, and asks for the earlier one on a tie', async () => {
    const answer = JSON.stringify({ choices: [{ task: 0, id: 'Xenova/detr-resnet-50', reason: 'runs locally' }] });
    const { result, chat } = await select({ execution: { mode: 'hybrid' }, endpoints: [builtInEndpoint()], selection: { topK: 3 } }, answer);
    const [system, user] = chat.requests[0].messages.map((m) => m.content);
    expect(system).toContain('in order of preference (the user\'s local endpoints, then the cloud)');
    const lines = user.split('\n').filter((l) => l.startsWith('  - '));
    expect(lines.map((l) => l.split(' | ').slice(0, 3).join(' | '))).toEqual([
      '  - Xenova/detr-resnet-50 | 0 downloads | local "built-in"',
      '  - facebook/detr-resnet-50 | 2k downloads | cloud',
      '  - microsoft/table-transformer-detection | 900 downloads | cloud',
    ]);
    expect(result.selections[0]).toMatchObject({ model: 'Xenova/detr-resnet-50', endpoint: 'built-in', method: 'llm' });
  });

  it('looks no cloud model up when the endpoints fill the top K, and only enough for the places left otherwise', async () => {
    const twoLocal = [localEndpoint('vision', 'http://127.0.0.1:9', [{ id: 'hustvl/yolos-tiny', task: 'object-detection' }, { id: 'my-org/detector', task: 'object-detection' }])];
    const full = await select({ execution: { mode: 'hybrid' }, endpoints: twoLocal, selection: { topK: 2 } });
    expect(full.lookups).toEqual([]);
    expect(full.result.selections[0]).toMatchObject({ model: 'hustvl/yolos-tiny', endpoint: 'vision' });

    // One place left: one batch of lookups (at most top K models) fills it with the most downloaded live model.
    const oneLeft = await select({ execution: { mode: 'hybrid' }, endpoints: twoLocal, selection: { topK: 3 } });
    expect(oneLeft.lookups.length).toBeGreaterThan(0);
    expect(oneLeft.lookups.length).toBeLessThanOrEqual(3);
    expect(oneLeft.result.selections[0]).toMatchObject({ model: 'hustvl/yolos-tiny', endpoint: 'vision' });
    expect(oneLeft.result.alternatives[0]).toEqual(['facebook/detr-resnet-50']);
  });

  it('keeps huggingface mode cloud-only by downloads and local mode endpoint-only', async () => {
    const endpoints = [builtInEndpoint()];
    const cloud = await select({ execution: { mode: 'huggingface' }, endpoints });
    expect(cloud.result.selections[0]).toMatchObject({ model: 'facebook/detr-resnet-50', endpoint: 'huggingface', method: 'fallback' });
    const local = await select({ execution: { mode: 'local' }, endpoints });
    expect(local.result.selections[0]).toMatchObject({ model: 'Xenova/detr-resnet-50', endpoint: 'built-in', method: 'only-candidate' });
    expect(local.lookups).toEqual([]);
  });
});
