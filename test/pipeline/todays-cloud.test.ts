// The app with only a Hugging Face token, against fakes of today's Hub and router: selection offers only models
// with a live provider, task types no provider serves are refused up front with the reason, a model that turns
// out not to be deployed hands over to the next candidate, and no request leaves the configured hosts.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runHugginggpt, writeConfig } from '../support/cli-run';
import { cloudOnlySettings, startFakeCloud, type FakeCloud } from '../support/fake-cloud';
import { startFakeLlm, type FakeLlm } from '../support/fake-llm';
import { routeLlm } from '../support/routed-llm';
import { folderWithExample, SEED_PLAN, SEED_REQUEST } from './seed-example';

const TOKEN = 'hf_only_a_token';
let llm: FakeLlm;
let cloud: FakeCloud;
let cwd: string;
let config: string;
let plan: unknown[] = SEED_PLAN;

beforeAll(async () => {
  llm = await startFakeLlm();
  // Today's Hub, as far as these models go: captioning models have no provider, the most downloaded detector
  // is mapped but not deployed, one detector is only in staging, another is live.
  cloud = await startFakeCloud([
    { id: 'facebook/detr-resnet-50', task: 'object-detection', deployed: false },
    { id: 'microsoft/table-transformer-detection', task: 'object-detection', mapping: [{ provider: 'hf-inference', providerId: 'x', status: 'staging', task: 'object-detection' }] },
    { id: 'hustvl/yolos-tiny', task: 'object-detection' },
    { id: 'Salesforce/blip-image-captioning-large', task: 'image-to-text', mapping: [] },
    { id: 'microsoft/Florence-2-large', task: 'image-to-text', mapping: [] },
    { id: 'hexgrad/Kokoro-82M', task: 'text-to-speech' },
  ], TOKEN);
  cwd = folderWithExample();
  // The cloud alone: the built-in runtime that settings include by default is switched off.
  const settings = cloudOnlySettings(llm.baseURL, cloud);
  settings.execution = { ...settings.execution, retries: 0 };
  config = writeConfig(cwd, settings);
});
afterAll(async () => {
  await llm.close();
  await cloud.close();
});
beforeEach(() => {
  llm.requests.length = 0;
  routeLlm(llm, { plan: () => JSON.stringify(plan), respond: () => 'Done what could be done.' });
});

const run = (...args: string[]) => runHugginggpt(args, { cwd, config });

describe('today\'s Hugging Face, with only a token and no local runtime', () => {
  it('runs the seed request: refuses up front what cannot run, with reasons, and exits 1', async () => {
    plan = SEED_PLAN;
    const hubBefore = cloud.hub.requests.length;
    const { code, json } = await run('run', SEED_REQUEST, '--json');
    expect(code).toBe(1);
    const doc = json();
    const issues = Object.fromEntries(doc.issues.map((i: any) => [i.taskId, i.message]));
    expect(issues[0]).toMatch(/ControlNet task runs only on local endpoints/);
    expect(issues[3]).toMatch(/^No model can run "image-to-text": none of the \d+ most downloaded "image-to-text" models has a live Inference Provider/);
    expect(issues[3]).toContain('built-in runtime');
    // The Hub maps the most downloaded detector live (whether it is deployed shows only when called); the
    // staging one and the unmapped ones are never offered to the LLM.
    expect(doc.selections[2].model).toBe('facebook/detr-resnet-50');
    expect(doc.selections[4].model).toBe('hexgrad/Kokoro-82M');
    const selectPrompt = JSON.stringify(llm.requests.find((r) => String(r.messages[0].content).startsWith('You pick'))!.messages);
    expect(selectPrompt).toContain('hustvl/yolos-tiny');
    expect(selectPrompt).not.toContain('microsoft/table-transformer-detection');
    expect(selectPrompt).not.toContain('Task 3');
    expect(doc.results[0]).toMatchObject({ status: 'failed', error: { kind: 'no-model' } });
    for (const id of [2, 3, 4]) expect(doc.results[id].status).toBe('skipped');
    expect(cloud.router.requests).toHaveLength(0);
    expect(cloud.hub.requests.length).toBeGreaterThan(hubBefore);
  });

  it('runs what a provider serves, moves past an undeployed model, and refuses a type no provider serves without asking the Hub', async () => {
    plan = [
      { task: 'object-detection', id: 0, dep: [-1], args: { image: 'example.jpg' } },
      { task: 'depth-estimation', id: 1, dep: [-1], args: { image: 'example.jpg' } },
    ];
    const { code, json } = await run('run', 'find the objects and the depth in example.jpg', '--json');
    expect(code).toBe(1);
    const doc = json();
    expect(doc.results[0]).toMatchObject({ status: 'succeeded', model: 'hustvl/yolos-tiny' });
    expect(doc.results[0].attempts).toBe(2);
    expect(doc.results[0].endpoint).toBe('huggingface');
    expect(doc.results[1]).toMatchObject({ status: 'failed', error: { kind: 'no-model' } });
    expect(doc.issues[0]).toEqual({ taskId: 1, message: expect.stringMatching(/^No model can run "depth-estimation": no Inference Provider serves "depth-estimation" today/) });
    expect(cloud.hub.requests.some((r) => /depth|dpt/i.test(r))).toBe(false);
    expect(cloud.router.requests.map((r) => `${r.provider} ${r.model}`)).toEqual(['hf-inference facebook/detr-resnet-50', 'hf-inference hustvl/yolos-tiny']);
    for (const r of cloud.router.requests) expect(r.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it('reports a type no provider serves in `plan --json` issues, before any selection', async () => {
    plan = [{ task: 'depth-estimation', id: 0, dep: [-1], args: { image: 'example.jpg' } }];
    const { code, json } = await run('plan', 'how deep is example.jpg', '--json');
    expect(code).toBe(1);
    expect(json().issues[0].message).toMatch(/no Inference Provider serves "depth-estimation" today\. To run it, add the built-in runtime/);
  });
});
