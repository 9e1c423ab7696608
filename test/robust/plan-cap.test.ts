// The 30-task cap is enforced, not just reported (issue 20, item 6): a 3,000-task answer makes no model call.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src-main/cli/main';
import { MAX_PLAN_TASKS } from '../../src-shared/plan';
import { captureIO } from '../support/cli-io';
import { startFakeHf, type FakeHf } from '../support/fake-hf';
import { startFakeLlm, type FakeLlm } from '../support/fake-llm';
import { routeLlm, stageOf } from '../support/routed-llm';
import { folderWithExample, seedSettings, startSeedHub } from '../pipeline/seed-example';
import type { FakeHub } from '../support/fake-hub';

let llm: FakeLlm;
let hf: FakeHf;
let hub: FakeHub;
let cwd: string;
let config: string;

beforeAll(async () => {
  llm = await startFakeLlm();
  hf = await startFakeHf();
  hub = await startSeedHub({ 'google/vit-base-patch16-224': 'image-classification' });
  cwd = folderWithExample();
  writeFileSync((config = join(cwd, 'config.json')), JSON.stringify({ ...seedSettings(llm.baseURL, hf.url, hub.url), endpoints: [] }));
  hf.addModel('google/vit-base-patch16-224', { task: 'image-classification' });
});
afterAll(async () => {
  await llm.close();
  await hf.close();
  await hub.close();
});

describe('the plan size cap', () => {
  it('refuses a 3,000-task answer with a clear error and runs nothing', async () => {
    // Compact, as an LLM could write it: under the parser's 200,000-character limit.
    const plan = Array.from({ length: 3000 }, (_, id) => ({ task: 'summarization', id, dep: [-1], args: { text: 'a' } }));
    routeLlm(llm, { plan: () => JSON.stringify(plan) });
    const cap = captureIO({ cwd });
    const code = await runCli(['run', 'summarize a', '--json', '--config', config, '--data-dir', mkdtempSync(join(tmpdir(), 'hgs-data-'))], cap.io);
    expect(code).toBe(1);
    expect(cap.stderr()).toContain(`the plan has 3000 tasks; at most ${MAX_PLAN_TASKS} are allowed`);
    expect(hf.requests).toHaveLength(0);
    expect(llm.requests.map(stageOf)).not.toContain('select');
    expect(llm.requests.map(stageOf)).not.toContain('task');
  });
});
