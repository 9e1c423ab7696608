import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlanSchema } from '../../src-shared/plan';
import { runCli } from '../../src-main/cli/main';
import { captureIO } from '../support/cli-io';
import { startFakeHubFiles, type FakeHubFiles } from '../support/fake-hub-files';
import { tinyGguf } from '../support/tiny-gguf';

// The tiny model ranks `]}[{":` first whatever its input, so greedy decoding under the plan grammar
// writes `{"tasks":[]}`: the real download, load, grammar and streaming path runs in a few seconds.
const MODEL = 'test-org/tiny-llama-GGUF/tiny-llama-F32.gguf';

describe('hugginggpt plan with the built-in LLM', () => {
  let hub: FakeHubFiles;
  let dataDir: string;
  let config: string;
  beforeAll(async () => {
    hub = await startFakeHubFiles({ [MODEL]: tinyGguf({ prefer: ']}[{":', contextLength: 8192 }) });
    dataDir = mkdtempSync(join(tmpdir(), 'hgs-llama-cli-'));
    config = join(dataDir, 'config.json');
    // baseURL points at a closed port: any call to an LLM server would fail the command.
    writeFileSync(config, JSON.stringify({ llm: { provider: 'built-in', model: MODEL, threads: 1, baseURL: 'http://127.0.0.1:9/v1' }, huggingface: { hubUrl: hub.url } }));
  });
  afterAll(async () => hub.close());

  it('downloads the model once, plans in-process and prints schema-valid JSON; a second call downloads nothing', async () => {
    const first = captureIO({ env: {} });
    const code = await runCli(['plan', 'describe example.jpg', '--json', '--config', config, '--data-dir', dataDir], first.io);
    expect(code, first.stderr()).toBe(0);
    const printed = JSON.parse(first.stdout());
    expect(PlanSchema.safeParse({ tasks: printed.tasks }).success).toBe(true);
    expect(printed.usage).toMatchObject({ llmCalls: 1 });
    expect(printed.usage.promptTokens).toBeGreaterThan(100);
    expect(first.stderr()).toContain(`downloading the built-in LLM ${MODEL}`);
    expect(first.stderr()).toContain('100%');
    const downloads = hub.requests.filter((r) => r.includes('/cdn-lfs/') && !r.endsWith('bytes=0-0')).length;
    expect(downloads).toBe(1);

    const second = captureIO({ env: {} });
    const before = hub.requests.length;
    expect(await runCli(['plan', 'describe example.jpg', '--json', '--config', config, '--data-dir', dataDir], second.io)).toBe(0);
    expect(hub.requests.length).toBe(before);
    expect(second.stderr()).not.toContain('downloading');
    expect(JSON.parse(second.stdout()).tasks).toEqual(printed.tasks);
  }, 180_000);

  it('answers a plain request end to end (plan, then the streamed response) with no LLM server', async () => {
    const cap = captureIO({ env: {} });
    const code = await runCli(['run', 'hello there', '--json', '--config', config, '--data-dir', dataDir], cap.io);
    expect(code, cap.stderr()).toBe(0);
    const printed = JSON.parse(cap.stdout());
    expect(printed.tasks).toEqual([]);
    expect(typeof printed.response).toBe('string');
    expect(printed.response.length).toBeGreaterThan(0);
    expect(printed.usage.llmCalls).toBe(2);
  }, 180_000);
});
