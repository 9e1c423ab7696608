// The CLI end to end against controlling LLMs that refuse requests as real servers do: a TGI-style server
// (422 to json_schema) and an OpenAI reasoning model (400 to max_tokens and temperature 0).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src-main/cli/main';
import { captureIO } from '../support/cli-io';
import { startFakeHf, type FakeHf } from '../support/fake-hf';
import { startFakeLlm, type FakeLlm } from '../support/fake-llm';
import { openAiReasoningRefusal, tgiRefusal } from '../support/llm-server-quirks';
import { routeLlm, stageOf } from '../support/routed-llm';
import { cloudChoices, folderWithExample, POSE_MODEL, POSE_TO_IMAGE_MODEL, SEED_PLAN, SEED_REQUEST, seedSettings } from './seed-example';

let llm: FakeLlm;
let hf: FakeHf;
let cwd: string;

beforeAll(async () => {
  llm = await startFakeLlm();
  hf = await startFakeHf();
  cwd = folderWithExample();
  const settings = seedSettings(llm.baseURL, hf.url);
  hf.addModel(POSE_MODEL, { task: 'openpose-control' });
  hf.addModel(POSE_TO_IMAGE_MODEL, { task: 'openpose-text-to-image' });
  for (const [task, model] of Object.entries(cloudChoices(settings))) hf.addModel(model, { task });
});
afterAll(async () => {
  await llm.close();
  await hf.close();
});
beforeEach(() => {
  llm.requests.length = 0;
  routeLlm(llm, {
    plan: () => JSON.stringify(SEED_PLAN),
    respond: () => 'Here is a girl reading a book in the pose of the boy.',
  });
});

/** Runs the CLI in a fresh process-like state: its own config naming `model` (capabilities are per connection). */
async function cli(model: string, ...args: string[]) {
  const settings = seedSettings(llm.baseURL, hf.url);
  const config = join(cwd, `${model}.json`);
  writeFileSync(config, JSON.stringify({ ...settings, llm: { ...settings.llm, model } }));
  const cap = captureIO({ cwd, env: {} });
  const code = await runCli([...args, '--config', config, '--data-dir', mkdtempSync(join(tmpdir(), 'hgs-data-'))], cap.io);
  return { code, cap };
}

describe('against a TGI-style server', () => {
  it('plans in two LLM calls: the refused json_schema one and a plain-JSON one', async () => {
    llm.refuse(tgiRefusal);
    const { code, cap } = await cli('tgi', 'plan', SEED_REQUEST, '--json');
    expect(code, cap.stderr()).toBe(0);
    expect(JSON.parse(cap.stdout()).tasks).toHaveLength(SEED_PLAN.length);
    expect(llm.requests.map((r) => r.response_format?.type ?? null)).toEqual(['json_schema', null]);
  });
});

describe('against an OpenAI reasoning model behind a deployment name', () => {
  it('runs all four stages with one refused call in the whole process', async () => {
    llm.refuse(openAiReasoningRefusal());
    const refusedBefore = llm.refused;
    const { code, cap } = await cli('reasoning-deployment', 'run', SEED_REQUEST, '--json');
    expect(code, cap.stderr()).toBe(0);
    const doc = JSON.parse(cap.stdout());
    for (const id of Object.keys(doc.results)) expect(doc.results[id].status).toBe('succeeded');
    expect(doc.response).toContain('Here is a girl reading a book');
    expect(llm.refused - refusedBefore).toBe(1);
    expect(llm.requests.map(stageOf)).toEqual(['plan', 'plan', 'select', 'respond']);
    for (const body of llm.requests.slice(1)) {
      expect(body.max_tokens).toBeUndefined();
      expect(body.temperature).toBeUndefined();
    }
    // a second command in the same process remembers: no refusal at all
    await cli('reasoning-deployment', 'plan', SEED_REQUEST);
    expect(llm.refused - refusedBefore).toBe(1);
  });
});
