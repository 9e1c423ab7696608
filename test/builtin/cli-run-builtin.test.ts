// Done-when of the built-in runtime: with the cloud off and only the built-in endpoint (pointing at a fake
// Hub with tiny models), `hugginggpt run` classifies and detects objects in the user's image in-process,
// downloading each model once; a second run downloads nothing. Also `hugginggpt models` with the built-in section.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeImage } from '../../src-main/platform/images/raster';
import { builtInOnlySettings, tinyRepos } from '../support/builtin-fixture';
import { runHugginggpt, writeConfig } from '../support/cli-run';
import { startFakeHubFiles, type FakeHubFiles } from '../support/fake-hub-files';
import { tinyPng } from '../support/fake-hf-media';
import { startFakeLlm, type FakeLlm } from '../support/fake-llm';
import { routeLlm } from '../support/routed-llm';

const PLAN = [
  { task: 'image-classification', id: 0, dep: [-1], args: { image: 'photo.png' } },
  { task: 'object-detection', id: 1, dep: [-1], args: { image: 'photo.png' } },
];

let llm: FakeLlm;
let hub: FakeHubFiles;
let cwd: string;
let config: string;
const dataDir = mkdtempSync(join(tmpdir(), 'hgs-builtin-cli-'));

beforeAll(async () => {
  llm = await startFakeLlm();
  hub = await startFakeHubFiles(tinyRepos());
  cwd = mkdtempSync(join(tmpdir(), 'hgs-builtin-cwd-'));
  writeFileSync(join(cwd, 'photo.png'), tinyPng(48, 32, [30, 40, 210]));
  const settings = builtInOnlySettings(hub.url, { llm: { baseURL: llm.baseURL, apiKey: 'sk-test', model: 'fake-gpt', retries: 0 } });
  config = writeConfig(cwd, settings);
  routeLlm(llm, {
    plan: () => `\`\`\`json\n${JSON.stringify(PLAN)}\n\`\`\``,
    respond: () => 'The photo is blue, and a blue object sits in its centre.',
  });
});
afterAll(async () => {
  await llm.close();
  await hub.close();
});

const cli = (...args: string[]) => runHugginggpt(args, { cwd, config, dataDir });

describe('hugginggpt run on the built-in runtime', () => {
  it('downloads each model once, runs both in-process, and a second run downloads nothing', async () => {
    const first = await cli('run', 'what is in photo.png? classify it and find the objects', '--json');
    expect(first.stderr).not.toContain('Error:');
    expect(first.code).toBe(0);
    const doc = JSON.parse(first.stdout);
    expect(doc.selections[0]).toMatchObject({ model: 'tiny/vit-colours', endpoint: 'built-in' });
    expect(doc.selections[1]).toMatchObject({ model: 'tiny/detr-colours', endpoint: 'built-in' });
    expect(doc.results[0].outputs[0].text).toMatch(/^blue \(0\.9\d\d\)/);
    expect(doc.results[1].outputs.map((o: any) => o.modality)).toEqual(['image', 'text']);
    expect(doc.results[1].outputs[1].text).toMatch(/^blue \(0\.9\d\d\) at \[12,8,36,24\]$/);
    const drawn = decodeImage(new Uint8Array(readFileSync(doc.results[1].outputs[0].path)))!;
    expect([drawn.width, drawn.height]).toEqual([48, 32]);
    expect([...drawn.data.subarray((8 * 48 + 12) * 4, (8 * 48 + 12) * 4 + 3)]).not.toEqual([30, 40, 210]);
    expect(first.stderr).toMatch(/task 0 image-classification: downloading tiny\/vit-colours: .*\[#+\] 100%/);
    const downloaded = [...hub.downloads];
    expect(new Set(downloaded).size).toBe(downloaded.length);
    expect(downloaded.filter((d) => d.endsWith('.onnx')).sort()).toEqual(['tiny/detr-colours/onnx/model_quantized.onnx', 'tiny/vit-colours/onnx/model_quantized.onnx']);
    expect(llm.requests).toHaveLength(2); // plan and response: one candidate per task needs no selection call

    const second = await cli('run', 'what is in photo.png? classify it and find the objects again', '--json');
    expect(second.code).toBe(0);
    expect(JSON.parse(second.stdout).results[0].outputs[0].text).toMatch(/^blue /);
    expect(hub.downloads).toEqual(downloaded);
  }, 60_000);

  it('lists the built-in models with their endpoint and size on disk, deletes one and downloads it again', async () => {
    const listed = await cli('models');
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/built-in\s+tiny\/vit-colours\s+image-classification\s+\d+\.\d kB/);
    expect(listed.stdout).toMatch(/built-in\s+tiny\/bert-sentiment\s+text-classification\s+not downloaded/);

    const deleted = await cli('models', '--delete', 'tiny/vit-colours');
    expect(deleted.code).toBe(0);
    expect(deleted.stderr).toMatch(/deleted tiny\/vit-colours \(\d+\.\d kB\)/);
    const json = await cli('models', '--json', '--sizes');
    const row = JSON.parse(json.stdout).builtIn.find((r: any) => r.id === 'tiny/vit-colours');
    expect(row).toMatchObject({ endpoint: 'built-in', bytesOnDisk: 0, downloadBytes: expect.any(Number) });

    const fetched = await cli('models', '--download', 'tiny/vit-colours');
    expect(fetched.code).toBe(0);
    expect(fetched.stderr).toMatch(/downloaded tiny\/vit-colours: \d+\.\d kB on disk/);
    expect(row.downloadBytes).toBeGreaterThan(0);
    const unknown = await cli('models', '--download', 'someone/else');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('add --task TASK');
  }, 60_000); // two worker starts
});
