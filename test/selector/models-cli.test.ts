import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src-main/cli/main';
import { liveOn, startFakeHub } from '../support/fake-hub';
import { captureIO } from '../support/cli-io';

let dataDir: string;
beforeEach(() => void (dataDir = mkdtempSync(join(tmpdir(), 'hgs-models-cli-'))));
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

// Without the built-in endpoint that default settings have (these tests count catalog and cloud candidates).
const writeSettings = (settings: object) => writeFileSync(join(dataDir, 'settings.json'), JSON.stringify({ version: 3, endpoints: [], ...settings }));

async function models(args: string[], env: NodeJS.ProcessEnv = {}) {
  const cap = captureIO({ cwd: dataDir, env });
  const code = await runCli(['models', ...args, '--data-dir', dataDir], cap.io);
  return { code, out: cap.stdout(), err: cap.stderr() };
}

describe('hugginggpt models', () => {
  it('--task --json lists the ranked candidates of the current mode with endpoint and rank', async () => {
    writeSettings({
      execution: { mode: 'hybrid' },
      endpoints: [{ name: 'vision', url: 'http://127.0.0.1:8005', models: [{ id: 'hustvl/yolos-tiny', task: 'object-detection' }] }],
    });
    const { code, out } = await models(['--task', 'detection', '--json'], { HF_TOKEN: 'hf_abc' });
    expect(code).toBe(0);
    const doc = JSON.parse(out);
    expect(doc).toMatchObject({ task: 'object-detection', mode: 'hybrid', topK: 5 });
    expect(doc.candidates[0]).toMatchObject({ id: 'facebook/detr-resnet-50', endpoint: 'huggingface', rank: 1 });
    expect(doc.candidates.find((c: { id: string }) => c.id === 'hustvl/yolos-tiny')).toMatchObject({ endpoint: 'vision' });
    const downloads = doc.candidates.map((c: { downloads: number }) => c.downloads);
    expect(downloads).toEqual([...downloads].sort((a, b) => b - a));
  });

  it('--task prints a table marking the top K, and the fix when nothing can serve the task', async () => {
    writeSettings({ selection: { topK: 2 } });
    const table = await models(['--task', 'image-to-text'], { HF_TOKEN: 'hf_abc' });
    expect(table.code).toBe(0);
    expect(table.out).toMatch(/^1\* +Salesforce\/blip-image-captioning-large +huggingface/m);
    expect(table.out).toMatch(/^3 +\S+/m);

    writeSettings({ execution: { mode: 'local' } });
    const none = await models(['--task', 'openpose-control']);
    expect(none.code).toBe(0);
    expect(none.out).toContain('0 candidate(s)');
    expect(none.out).toMatch(/add a local endpoint serving task "openpose-control"/);
  });

  it('--task says when no Inference Provider serves the type, and that the snapshot\'s figures are estimates', async () => {
    writeSettings({});
    const depth = await models(['--task', 'depth-estimation', '--json'], { HF_TOKEN: 'hf_abc' });
    expect(JSON.parse(depth.out)).toMatchObject({ task: 'depth-estimation', noCloudProvider: true, figures: 'estimated' });
    const detection = await models(['--task', 'object-detection'], { HF_TOKEN: 'hf_abc' });
    expect(detection.out).toContain('note: downloads are rough estimates, not Hub figures; each cloud candidate\'s provider is checked on the Hub before selection');
  });

  it('without --task counts candidates per task type', async () => {
    writeSettings({});
    const { code, out } = await models(['--json'], { HF_TOKEN: 'hf_abc' });
    expect(code).toBe(0);
    const doc = JSON.parse(out);
    expect(doc.source).toBe('snapshot');
    const detection = doc.tasks.find((t: { task: string }) => t.task === 'object-detection');
    expect(detection.candidates).toBe(detection.catalog);
    expect(detection.endpoints).toEqual(['huggingface']);
    expect(doc.tasks.find((t: { task: string }) => t.task === 'canny-control')).toMatchObject({ candidates: 0, endpoints: [] });
    const text = await models([]);
    expect(text.out).toMatch(/^object-detection +\d+ +0 +-$/m);
  });

  it('exits 2 with suggestions for an unknown task', async () => {
    const { code, err } = await models(['--task', 'object-detect']);
    expect(code).toBe(2);
    expect(err).toMatch(/unknown task "object-detect" \(did you mean: object-detection/);
  });

  it('--refresh fetches from the Hub at settings.huggingface.hubUrl and shows the refreshed catalog', async () => {
    const hub = await startFakeHub([{ id: 'new-org/detector', pipeline_tag: 'object-detection', downloads: 99_000_000, likes: 3, inferenceProviderMapping: liveOn('new-org/detector', 'object-detection') }]);
    try {
      writeSettings({ huggingface: { hubUrl: hub.url, token: 'hf_abc' } });
      const { code, out, err } = await models(['--refresh', '--task', 'object-detection', '--json']);
      expect(code).toBe(0);
      expect(err).toContain(`refreshed 1 models with a live Inference Provider from ${hub.url}`);
      expect(err).toMatch(/no cloud provider for: .*depth-estimation/);
      expect(JSON.parse(out).candidates.map((c: { id: string }) => c.id)).toEqual(['new-org/detector']);
      expect(existsSync(join(dataDir, 'catalog.json'))).toBe(true);
    } finally {
      await hub.close();
    }
  });

  it('--refresh against a failing Hub exits 1 with the reason', async () => {
    const hub = await startFakeHub([], { failWith: 503 });
    try {
      writeSettings({ huggingface: { hubUrl: hub.url } });
      const { code, err } = await models(['--refresh']);
      expect(code).toBe(1);
      expect(err).toMatch(/catalog refresh failed: .*HTTP 503/);
    } finally {
      await hub.close();
    }
  });

  it('warns about a corrupt cached catalog and still answers from the snapshot', async () => {
    writeFileSync(join(dataDir, 'catalog.json'), 'not json');
    const { code, err, out } = await models(['--task', 'object-detection', '--json'], { HF_TOKEN: 'hf_abc' });
    expect(code).toBe(0);
    expect(err).toMatch(/warning: the cached model catalog was unreadable/);
    expect(JSON.parse(out).candidates.length).toBeGreaterThan(5);
  });
});
