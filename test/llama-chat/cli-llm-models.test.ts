import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILT_IN_LLMS, type BuiltInLlmEntry } from '../../src-shared/built-in-llm';
import { runCli } from '../../src-main/cli/main';
import { captureIO } from '../support/cli-io';
import { startFakeHubFiles, type FakeHubFiles } from '../support/fake-hub-files';

const MODEL = 'test-org/tiny-GGUF/tiny-Q8_0.gguf';
const BYTES = Buffer.alloc(50_000, 7);

describe('hugginggpt llm', () => {
  let hub: FakeHubFiles;
  let dataDir: string;
  let config: string;
  const cli = async (...argv: string[]) => {
    const cap = captureIO({ env: {} });
    const code = await runCli(['llm', ...argv, '--config', config, '--data-dir', dataDir], cap.io);
    return { code, out: cap.stdout(), err: cap.stderr() };
  };
  beforeAll(async () => {
    hub = await startFakeHubFiles({ [MODEL]: BYTES });
    dataDir = mkdtempSync(join(tmpdir(), 'hgs-llm-cli-'));
    config = join(dataDir, 'config.json');
    writeFileSync(config, JSON.stringify({ llm: { provider: 'built-in', model: MODEL }, huggingface: { hubUrl: hub.url } }));
  });
  afterAll(async () => hub.close());

  it('lists the curated models with download sizes and memory needs, and the configured one', async () => {
    const { code, out } = await cli('list', '--json');
    expect(code).toBe(0);
    const entries = JSON.parse(out) as BuiltInLlmEntry[];
    expect(entries.map((e) => e.model)).toEqual([...BUILT_IN_LLMS.map((o) => o.model), MODEL]);
    expect(entries[0].offer).toMatchObject({ downloadBytes: expect.any(Number), memoryBytes: expect.any(Number) });
    expect(entries.find((e) => e.selected)?.model).toBe(MODEL);
  });

  it('downloads the configured model with a progress bar, lists its size, and deletes it', async () => {
    const download = await cli('download');
    expect(download.code, download.err).toBe(0);
    expect(download.err).toContain('100%');
    const listed = JSON.parse((await cli('list', '--json')).out) as BuiltInLlmEntry[];
    expect(listed.find((e) => e.model === MODEL)?.downloadedBytes).toBe(BYTES.length);
    expect((await cli('delete', MODEL)).code).toBe(0);
    const after = JSON.parse((await cli('list', '--json')).out) as BuiltInLlmEntry[];
    expect(after.find((e) => e.model === MODEL)?.downloadedBytes).toBeUndefined();
  });

  it('exits 1 with the reason when the Hub has no such file, 2 for a name that is not a GGUF file', async () => {
    const missing = await cli('download', 'test-org/tiny-GGUF/absent.gguf');
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/absent\.gguf/);
    const bad = await cli('download', 'llama3');
    expect(bad.code).toBe(2);
    expect(bad.err.trim().split('\n')).toHaveLength(1);
  });

  it('refuses a built-in provider whose model is not a GGUF file, naming the field', async () => {
    const bad = join(dataDir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ llm: { provider: 'built-in', model: 'llama3' } }));
    const cap = captureIO({ env: {} });
    expect(await runCli(['plan', 'hi', '--config', bad, '--data-dir', dataDir], cap.io)).toBe(2);
    expect(cap.stderr()).toContain('llm.model');
  });
});
