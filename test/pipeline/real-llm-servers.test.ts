// The CLI end to end against controlling LLMs that refuse requests as real servers do: a TGI-style server
// (422 to json_schema) and an OpenAI reasoning model (400 to max_tokens and temperature 0).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FakeLlm } from '../support/fake-llm';
import { openAiReasoningRefusal, tgiRefusal } from '../support/llm-server-quirks';
import { routeLlm, stageOf } from '../support/routed-llm';
import { SEED_PLAN, SEED_REQUEST } from './seed-example';
import { startSeedFakes, type SeedFakes } from './seed-fakes';

let fakes: SeedFakes;
let llm: FakeLlm;
beforeAll(async () => {
  fakes = await startSeedFakes({ seedModels: true });
  llm = fakes.llm;
});
afterAll(() => fakes.close());
beforeEach(() => {
  llm.requests.length = 0;
  routeLlm(llm, {
    plan: () => JSON.stringify(SEED_PLAN),
    respond: () => 'Here is a girl reading a book in the pose of the boy.',
  });
});

/** Runs the CLI in a fresh process-like state: its own config naming `model` (capabilities are per connection). */
const cli = (model: string, ...args: string[]) => fakes.cli(args, { settings: { ...fakes.settings, llm: { ...fakes.settings.llm, model } } });

describe('against a TGI-style server', () => {
  it('plans in two LLM calls: the refused json_schema one and a plain-JSON one', async () => {
    llm.refuse(tgiRefusal);
    const { code, stdout, stderr } = await cli('tgi', 'plan', SEED_REQUEST, '--json');
    expect(code, stderr).toBe(0);
    expect(JSON.parse(stdout).tasks).toHaveLength(SEED_PLAN.length);
    expect(llm.requests.map((r) => r.response_format?.type ?? null)).toEqual(['json_schema', null]);
  });
});

describe('against an OpenAI reasoning model behind a deployment name', () => {
  it('runs all four stages with one refused call in the whole process', async () => {
    llm.refuse(openAiReasoningRefusal());
    const refusedBefore = llm.refused;
    const { code, stdout, stderr } = await cli('reasoning-deployment', 'run', SEED_REQUEST, '--json');
    expect(code, stderr).toBe(0);
    const doc = JSON.parse(stdout);
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
