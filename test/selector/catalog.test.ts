import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TASK_TYPES } from '../../src-shared/tasks';
import { loadCatalog, loadSnapshot, readCatalogFile } from '../../src-main/platform/catalog-file';
import { refreshCatalog } from '../../src-main/platform/hub-catalog';
import { liveOn, startFakeHub, type FakeHub, type FakeHubModel } from '../support/fake-hub';

describe('the bundled snapshot', () => {
  const snapshot = loadSnapshot();

  it('covers every task type with one-line descriptions and no duplicate model per task', () => {
    expect(snapshot.version).toBe(1);
    expect(snapshot.source).toMatch(/approximate/);
    for (const spec of TASK_TYPES) {
      const models = snapshot.models.filter((m) => m.task === spec.type);
      expect(models.length, spec.type).toBeGreaterThanOrEqual(spec.runtime === 'inference' && spec.type !== 'tabular-classification' ? 8 : 2);
      expect(new Set(models.map((m) => m.id)).size, spec.type).toBe(models.length);
    }
    for (const m of snapshot.models) {
      expect(m.id, m.id).toMatch(/^[\w.-]+\/[\w.-]+$/);
      expect(m.description, m.id).toMatch(/^[^\n]{10,120}$/);
      expect(TASK_TYPES.some((t) => t.type === m.task), m.task).toBe(true);
    }
  });

  it('marks ControlNet entries as served only by local endpoints', () => {
    const control = snapshot.models.filter((m) => TASK_TYPES.find((t) => t.type === m.task)?.runtime === 'local-only');
    expect(control.length).toBeGreaterThan(20);
    expect(control.every((m) => m.description.startsWith('(local endpoints only)'))).toBe(true);
    expect(control.map((m) => m.id)).toContain('lllyasviel/control_v11p_sd15_openpose');
  });
});

describe('loadCatalog', () => {
  let dataDir: string;
  beforeEach(() => void (dataDir = mkdtempSync(join(tmpdir(), 'hgs-catalog-'))));
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('uses the snapshot when nothing was refreshed', () => {
    const loaded = loadCatalog(dataDir);
    expect(loaded.source).toBe('snapshot');
    expect(loaded.warning).toBeUndefined();
    expect(loaded.models.some((m) => m.id === 'facebook/detr-resnet-50')).toBe(true);
  });

  it('prefers a valid cache', () => {
    writeFileSync(join(dataDir, 'catalog.json'), JSON.stringify({ version: 1, source: 'test', snapshotDate: 'now', models: [{ id: 'a/b', task: 'object-detection', downloads: 1, likes: 0, description: 'x' }] }));
    expect(loadCatalog(dataDir)).toEqual({
      source: 'cache',
      figures: 'estimated',
      noCloudProvider: [],
      models: [{ id: 'a/b', task: 'object-detection', downloads: 1, likes: 0, description: 'x' }],
    });
  });

  it('moves a corrupt cache aside, reports it, and falls back to the snapshot', () => {
    writeFileSync(join(dataDir, 'catalog.json'), '{"version": 1, "models": [trunc');
    const loaded = loadCatalog(dataDir);
    expect(loaded.source).toBe('snapshot');
    expect(loaded.warning).toMatch(/catalog\.json\.corrupt-/);
    expect(existsSync(join(dataDir, 'catalog.json'))).toBe(false);
    expect(readdirSync(dataDir).filter((f) => f.startsWith('catalog.json.corrupt-'))).toHaveLength(1);
  });
});

describe('refreshCatalog against the fake Hub', () => {
  const hubModels: FakeHubModel[] = [
    { id: 'facebook/detr-resnet-50', pipeline_tag: 'object-detection', downloads: 1_234_567, likes: 900, tags: ['object-detection', 'license:apache-2.0'], inferenceProviderMapping: liveOn('facebook/detr-resnet-50', 'object-detection') },
    { id: 'new-org/fresh-detector', pipeline_tag: 'object-detection', downloads: 2_000_000, likes: 5, tags: ['license:mit', 'en'], library_name: 'transformers', inferenceProviderMapping: liveOn('new-org/fresh-detector', 'object-detection') },
    { id: 'hustvl/yolos-tiny', pipeline_tag: 'object-detection', downloads: 10, likes: 1, inferenceProviderMapping: liveOn('hustvl/yolos-tiny', 'object-detection') },
    { id: 'staging/detector', pipeline_tag: 'object-detection', downloads: 5_000_000, likes: 1, inferenceProviderMapping: [{ provider: 'hf-inference', providerId: 'staging/detector', status: 'staging', task: 'object-detection' }] },
    { id: 'unserved/detector', pipeline_tag: 'object-detection', downloads: 9_000_000, likes: 1 },
    { id: 'openai/whisper-large-v3', pipeline_tag: 'automatic-speech-recognition', downloads: 7_000_000, likes: 4000, inferenceProviderMapping: liveOn('openai/whisper-large-v3', 'automatic-speech-recognition', 'fal-ai') },
    { id: 'Qwen/Qwen2.5-VL-7B-Instruct', pipeline_tag: 'image-text-to-text', downloads: 3_000_000, likes: 1000, inferenceProviderMapping: liveOn('Qwen/Qwen2.5-VL-7B-Instruct', 'conversational', 'together') },
  ];
  let hub: FakeHub;
  let dataDir: string;
  beforeEach(async () => {
    hub = await startFakeHub(hubModels, { pageSize: 2 });
    dataDir = mkdtempSync(join(tmpdir(), 'hgs-refresh-'));
  });
  afterEach(async () => {
    await hub.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('fetches the served models of every cloud task type through listModels, follows pagination, and caches the result', async () => {
    const { count, noCloudProvider } = await refreshCatalog({ hubUrl: hub.url, token: 'hf_secret', dataDir, perTask: 4 });
    expect(count).toBe(6);
    const first = hub.requests.filter((r) => !r.includes('cursor='));
    const asked = first.map((r) => new URL(r, hub.url).searchParams.get('pipeline_tag'));
    expect(asked).toEqual(expect.arrayContaining(['object-detection', 'image-to-text', 'image-text-to-text', 'automatic-speech-recognition']));
    expect(asked).not.toContain('depth-estimation'); // no provider the library knows serves it: not even asked
    const detection = new URL(first[asked.indexOf('object-detection')], hub.url).searchParams;
    expect(detection.get('sort')).toBe('downloads');
    expect(detection.get('limit')).toBe('4');
    expect(detection.get('inference_provider')).toBe('all');
    expect(detection.getAll('expand')).toEqual(expect.arrayContaining(['downloads', 'likes', 'pipeline_tag', 'tags', 'library_name', 'inferenceProviderMapping']));
    expect(noCloudProvider).toEqual(expect.arrayContaining(['depth-estimation', 'text-to-speech', 'tabular-classification']));
    expect(noCloudProvider).not.toContain('object-detection');
    expect(hub.requests.some((r) => r.includes('pipeline_tag=object-detection') && r.includes('cursor='))).toBe(true);
    expect(hub.authorizations.every((a) => a === 'Bearer hf_secret')).toBe(true);

    const loaded = loadCatalog(dataDir);
    expect(loaded.source).toBe('cache');
    const detectors = loaded.models.filter((m) => m.task === 'object-detection');
    // Staging-only and unmapped detectors are left out, however popular.
    expect(detectors.map((m) => [m.id, m.downloads, m.providers])).toEqual([
      ['new-org/fresh-detector', 2_000_000, ['hf-inference']],
      ['facebook/detr-resnet-50', 1_234_567, ['hf-inference']],
      ['hustvl/yolos-tiny', 10, ['hf-inference']],
    ]);
    // A vision-language chat model serves captioning and visual questions through chat completion.
    expect(loaded.models.filter((m) => m.id === 'Qwen/Qwen2.5-VL-7B-Instruct').map((m) => [m.task, m.providers])).toEqual([
      ['image-to-text', ['together']],
      ['visual-question-answering', ['together']],
    ]);
    expect(loaded.figures).toBe('hub');
    expect(loaded.noCloudProvider).toEqual(noCloudProvider);
    expect(detectors[1].description).toMatch(/DETR/);
    expect(detectors[0]).toMatchObject({ license: 'mit', description: expect.stringContaining('object-detection model (transformers; languages: en)') });
    // Types no provider serves keep their snapshot entries (for local endpoints), ControlNet included.
    expect(loaded.models.some((m) => m.task === 'text-to-speech' && m.id === 'microsoft/speecht5_tts')).toBe(true);
    expect(loaded.models.some((m) => m.task === 'openpose-text-to-image')).toBe(true);
    expect(readCatalogFile(join(dataDir, 'catalog.json')).source).toContain(hub.url);
  });

  it('reports a failing Hub as a typed error and leaves no cache behind', async () => {
    const broken = await startFakeHub([], { failWith: 500 });
    try {
      await expect(refreshCatalog({ hubUrl: broken.url, dataDir })).rejects.toMatchObject({ kind: 'hub', message: expect.stringContaining('HTTP 500') });
      expect(existsSync(join(dataDir, 'catalog.json'))).toBe(false);
    } finally {
      await broken.close();
    }
  });

  it('refuses a token that is not a Hugging Face token before calling the Hub', async () => {
    await expect(refreshCatalog({ hubUrl: hub.url, token: 'sk-wrong', dataDir })).rejects.toMatchObject({ kind: 'auth' });
    expect(hub.requests).toHaveLength(0);
  });

  it('reports an unreachable Hub as a network error', async () => {
    const url = hub.url;
    await hub.close();
    hub = await startFakeHub([]);
    await expect(refreshCatalog({ hubUrl: url, dataDir })).rejects.toMatchObject({ kind: 'network' });
  });
});
