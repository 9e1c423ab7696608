// The seed's example, shared by the pipeline tests: a pose from example.jpg, a new image in that pose,
// detection and a caption of it, and the caption spoken.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jpeg from 'jpeg-js';
import { builtInEndpoint } from '../../src-shared/built-in-models';
import { defaultSettings, type Settings } from '../../src-shared/settings';
import { topCandidates } from '../../src-main/engine/selector/candidates';
import { loadCatalog } from '../../src-main/platform/catalog-file';
import { hubModelsOf } from '../support/fake-cloud';
import type { FakeHf, FakeModelBehaviour } from '../support/fake-hf';
import { startFakeHub, type FakeHub } from '../support/fake-hub';

export const SEED_REQUEST = 'make an image of a girl reading a book, in the pose of the boy in example.jpg, then describe it with your voice';

/** The plan a good LLM writes for the seed request (in the seed's own task names). */
export const SEED_PLAN = [
  { task: 'pose-detection', id: 0, dep: [-1], args: { image: 'example.jpg' } },
  { task: 'pose-text-to-image', id: 1, dep: [0], args: { text: 'a girl reading a book', image: '<resource>-0' } },
  { task: 'object-detection', id: 2, dep: [1], args: { image: '<resource>-1' } },
  { task: 'image-to-text', id: 3, dep: [1], args: { image: '<resource>-1' } },
  { task: 'text-to-speech', id: 4, dep: [3], args: { text: '<resource>-3' } },
];

export const POSE_MODEL = 'lllyasviel/sd-controlnet-openpose';
export const POSE_TO_IMAGE_MODEL = 'lllyasviel/control_v11p_sd15_openpose';

/** A folder with example.jpg (a real JPEG) in it. */
export function folderWithExample(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hgs-cwd-'));
  const width = 24;
  const height = 24;
  const data = Buffer.alloc(width * height * 4, 200);
  writeFileSync(join(dir, 'example.jpg'), jpeg.encode({ data, width, height }, 90).data);
  return dir;
}

/**
 * Settings for the fakes: ControlNet on a local endpoint (the fake at `hfUrl`), the built-in runtime off, the
 * rest on the fake Hugging Face cloud: the Hub at `hubUrl` (provider mappings) and the router at `hfUrl`.
 */
export function seedSettings(llmBaseURL: string, hfUrl: string, hubUrl: string): Settings {
  const s = defaultSettings();
  return {
    ...s,
    llm: { ...s.llm, baseURL: llmBaseURL, apiKey: 'sk-test', model: 'fake-gpt', retries: 0, timeoutMs: 10_000 },
    huggingface: { ...s.huggingface, token: 'hf_test', hubUrl, routerUrl: hfUrl },
    // The built-in runtime is there, as in every settings file, but off: hybrid mode is local first, and these
    // tests send everything but ControlNet to the fake cloud.
    endpoints: [
      { name: 'local-controlnet', protocol: 'hf', url: hfUrl, enabled: true, models: [{ id: POSE_MODEL, task: 'openpose-control' }, { id: POSE_TO_IMAGE_MODEL, task: 'openpose-text-to-image' }] },
      { ...builtInEndpoint(), enabled: false },
    ],
    execution: { ...s.execution, retries: 1, timeoutMs: 10_000 },
  };
}

/** A fake Hub where each `model -> task` has a live hf-inference mapping (and nothing else has one). */
export const startSeedHub = (models: Record<string, string> = {}): Promise<FakeHub> =>
  startFakeHub(hubModelsOf(Object.entries(models).map(([id, task]) => ({ id, task }))));

/** A model to serve: its task, or the fake's whole behaviour (task and reply). */
export type ServedModel = string | FakeModelBehaviour;

/** The fake's behaviour for a served model. */
export const behaviourOf = (served: ServedModel): FakeModelBehaviour => (typeof served === 'string' ? { task: served } : served);

/** Serves `id` in the fake cloud: the router answers it, the Hub maps it live on hf-inference for its task. */
export function addCloudModel(hf: FakeHf, hub: FakeHub, id: string, served: ServedModel): void {
  const behaviour = behaviourOf(served);
  hf.addModel(id, behaviour);
  hub.addModel(hubModelsOf([{ id, task: behaviour.task }])[0]);
}

/** The two best-ranked catalog models of each cloud task of the seed: what the fake cloud serves, so that the LLM chooses. */
export function seedCloudModels(settings: Settings): Array<{ id: string; task: string }> {
  const catalog = loadCatalog(mkdtempSync(join(tmpdir(), 'hgs-catalog-'))).models;
  return ['object-detection', 'image-to-text', 'text-to-speech'].flatMap((task) => topCandidates(task, catalog, settings).slice(0, 2).map((c) => ({ id: c.id, task })));
}

/** The model the selection call will get for each cloud task (the fake LLM picks the first candidate). */
export function cloudChoices(settings: Settings): Record<'object-detection' | 'image-to-text' | 'text-to-speech', string> {
  const catalog = loadCatalog(mkdtempSync(join(tmpdir(), 'hgs-catalog-'))).models;
  const first = (task: string) => topCandidates(task, catalog, settings)[0].id;
  return { 'object-detection': first('object-detection'), 'image-to-text': first('image-to-text'), 'text-to-speech': first('text-to-speech') };
}
