// Hybrid mode's candidates as DESIGN.md ranks them: catalog models by downloads wherever they run, then the
// models only an endpoint declares (the built-in runtime's curated kind); the LLM is told where each runs and
// to prefer a local one when it fits as well; cloud models are looked up on the (fake) Hub only as far as the
// top K needs.
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

describe('hybrid mode', () => {
  it('ranks catalog models by downloads wherever they run, endpoint-only models after them', async () => {
    const { result, chat } = await select({ execution: { mode: 'hybrid' }, endpoints: [builtInEndpoint()], selection: { topK: 5 } });
    expect(chat.requests).toHaveLength(1);
    const offered = chat.requests[0].messages[1].content.split('\n').filter((l) => l.startsWith('  - ')).map((l) => l.slice(4).split(' | ')[0]);
    expect(offered).toEqual(['facebook/detr-resnet-50', 'microsoft/table-transformer-detection', 'hustvl/yolos-tiny', 'facebook/detr-resnet-101', 'Xenova/detr-resnet-50']);
    // The LLM is down: the fallback is the top-ranked candidate.
    expect(result.selections[0]).toMatchObject({ model: 'facebook/detr-resnet-50', endpoint: 'huggingface', method: 'fallback' });
  });

  it('tells the LLM where each candidate runs and to prefer a local one when it fits as well', async () => {
    const answer = JSON.stringify({ choices: [{ task: 0, id: 'Xenova/detr-resnet-50', reason: 'runs locally' }] });
    const { result, chat } = await select({ execution: { mode: 'hybrid' }, endpoints: [builtInEndpoint()], selection: { topK: 5 } }, answer);
    const [system, user] = chat.requests[0].messages.map((m) => m.content);
    expect(system).toContain('When several fit equally well, prefer a local one');
    const lines = user.split('\n').filter((l) => l.startsWith('  - '));
    expect(lines[0].split(' | ').slice(0, 3).join(' | ')).toBe('  - facebook/detr-resnet-50 | 2k downloads | cloud');
    expect(lines.at(-1)!.split(' | ').slice(0, 3).join(' | ')).toBe('  - Xenova/detr-resnet-50 | 0 downloads | local "built-in"');
    expect(result.selections[0]).toMatchObject({ model: 'Xenova/detr-resnet-50', endpoint: 'built-in', method: 'llm' });
  });

  it('looks no cloud model up when local ones fill the top K, and only as far as the top K needs otherwise', async () => {
    const popularLocal = [localEndpoint('vision', 'http://127.0.0.1:9', [{ id: 'facebook/detr-resnet-50', task: 'object-detection' }, { id: 'microsoft/table-transformer-detection', task: 'object-detection' }])];
    const full = await select({ execution: { mode: 'hybrid' }, endpoints: popularLocal, selection: { topK: 2 } });
    expect(full.lookups).toEqual([]);
    expect(full.result.selections[0]).toMatchObject({ model: 'facebook/detr-resnet-50', endpoint: 'vision' });

    // One cloud place in the top 3: one batch of lookups (at most top K models) fills it.
    const oneLeft = await select({ execution: { mode: 'hybrid' }, endpoints: popularLocal, selection: { topK: 3 } });
    expect(oneLeft.lookups.length).toBeGreaterThan(0);
    expect(oneLeft.lookups.length).toBeLessThanOrEqual(3);
    // The alternatives are the checked cloud candidates (where a run goes when the chosen model has no provider).
    expect(oneLeft.result.alternatives[0]).toEqual(['hustvl/yolos-tiny']);
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
