// availability.hubCallsCold / hubCallsWarm: what checking Inference Provider availability costs per request.
// One 6-task request (the seed's cloud tasks and more) is selected and executed twice with the real selector,
// mapping cache and runner (@huggingface/inference) against the fake Hub and router: the first time with an
// empty cache (cold), then again within the cache's time limit (warm). Hub requests and wall time are counted.
import type { PlanTask } from '../src-shared/plan';
import { defaultSettings, type Settings } from '../src-shared/settings';
import type { ChatModel } from '../src-main/engine/chat-model';
import { executeGraph } from '../src-main/engine/executor/execute-graph';
import type { TaskTargets } from '../src-main/engine/executor/types';
import { modelTarget, selectModels } from '../src-main/engine/selector';
import { loadSnapshot } from '../src-main/platform/catalog-file';
import { createFsResourceStore } from '../src-main/platform/fs-resource-store';
import { createCloudAvailability } from '../src-main/platform/inference/cloud-availability';
import { createHfModelRunner } from '../src-main/platform/inference/hf-model-runner';
import { createProviderMappings } from '../src-main/platform/inference/provider-mappings';
import { startFakeCloud, type FakeCloudModel } from '../test/support/fake-cloud';
import { tinyPng } from '../test/support/fake-hf-media';
import { firstCandidates } from '../test/support/routed-llm';
import { log, round, type Bench, type BenchResult } from './support/figure';
import { planTask } from './support/graphs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const IMAGE = 'example.jpg';
const REQUEST: PlanTask[] = [
  planTask(0, 'object-detection', { image: IMAGE }),
  planTask(1, 'image-classification', { image: IMAGE }),
  planTask(2, 'image-to-text', { image: IMAGE }),
  planTask(3, 'text-to-image', { text: 'a lighthouse in a storm' }),
  planTask(4, 'automatic-speech-recognition', { audio: 'a.wav' }),
  planTask(5, 'depth-estimation', { image: IMAGE }),
];

/** Today's Hub, roughly: every other catalog model of a task live on hf-inference, captioning models unmapped. */
function hubOfToday(settings: Settings): FakeCloudModel[] {
  const catalog = loadSnapshot().models;
  const models: FakeCloudModel[] = [];
  for (const task of ['object-detection', 'image-classification', 'image-to-text', 'text-to-image', 'automatic-speech-recognition']) {
    catalog.filter((m) => m.task === task).forEach((m, i) => {
      models.push({ id: m.id, task, downloads: m.downloads, ...(task === 'image-to-text' || i % 2 === 1 ? { mapping: [] } : {}) });
    });
  }
  void settings;
  return models;
}

/** A controlling LLM that picks each task's first candidate, without a network. */
const firstChoice: ChatModel = {
  complete: async (request) => ({ text: firstCandidates({ messages: request.messages }), finishReason: 'stop', promptTokens: 0, completionTokens: 0 }),
};

async function measure(): Promise<BenchResult> {
  const base = defaultSettings();
  const cloud = await startFakeCloud(hubOfToday(base), 'hf_bench');
  try {
    const settings: Settings = { ...base, huggingface: cloud.huggingface(base), execution: { ...base.execution, mode: 'huggingface', retries: 0 } };
    const { token, hubUrl, routerUrl } = settings.huggingface;
    const mappings = createProviderMappings({ hubUrl: () => hubUrl, token: () => token });
    const availability = createCloudAvailability(mappings, { routerUrl: () => routerUrl });
    const runner = createHfModelRunner({ token, hubUrl, routerUrl, mappings });
    const store = createFsResourceStore(await mkdtemp(join(tmpdir(), 'hugginggpt-bench-avail-')));
    const userResources = { [IMAGE]: await store.put(tinyPng(32, 32, [10, 90, 200]), { name: IMAGE }), 'a.wav': await store.put(new Uint8Array([82, 73, 70, 70, 0, 0, 0, 0]), { name: 'a.wav' }) };
    const catalog = loadSnapshot().models;

    const once = async () => {
      const hubBefore = cloud.hub.requests.length;
      const started = performance.now();
      const { selections, unavailable } = await selectModels({ tasks: REQUEST, settings, catalog, chat: firstChoice, availability });
      const selectMs = performance.now() - started;
      const hubAtSelection = cloud.hub.requests.length - hubBefore;
      const targets: Record<number, TaskTargets> = {};
      for (const [id, s] of Object.entries(selections)) targets[Number(id)] = { primary: modelTarget(s, settings) };
      const { results } = await executeGraph({ tasks: REQUEST, selections, unavailable, targets, userResources, execution: settings.execution, deps: { runner, store } }).done;
      return {
        selectMs,
        hubAtSelection,
        hubTotal: cloud.hub.requests.length - hubBefore,
        refused: Object.keys(unavailable).length,
        statuses: Object.fromEntries(Object.entries(results).map(([id, r]) => [id, r.status])),
      };
    };
    const cold = await once();
    const warm = await once();
    log(`availability: cold ${cold.hubTotal} Hub calls (${cold.hubAtSelection} at selection, ${round(cold.selectMs, 0)} ms), warm ${warm.hubTotal} (${round(warm.selectMs, 0)} ms)`);
    const note = `${REQUEST.length}-task request, topK ${settings.selection.topK}; loopback Hub, so times show our overhead, not the Hub's latency`;
    return {
      figures: [
        { name: 'availability.hubCallsCold', value: cold.hubTotal, unit: 'requests', note: `${note}; ${cold.hubAtSelection} by the selector, the rest the library's own mapping lookups at call time` },
        { name: 'availability.hubCallsWarm', value: warm.hubTotal, unit: 'requests', target: { op: '<=', limit: 0 }, note: 'the same request again within the cache time limit' },
        { name: 'availability.selectMsCold', value: round(cold.selectMs, 1), unit: 'ms', note },
        { name: 'availability.selectMsWarm', value: round(warm.selectMs, 1), unit: 'ms', note },
      ],
      details: { cold, warm, hubModels: cloud.hub.requests.length },
    };
  } finally {
    await cloud.close();
  }
}

/** The availability-check benchmark. */
export const availabilityBench: Bench = { name: 'availability', run: measure };
