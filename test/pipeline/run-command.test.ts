import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src-main/cli/main';
import { captureIO } from '../support/cli-io';
import { tinyPng } from '../support/fake-hf-media';
import type { FakeHf } from '../support/fake-hf';
import type { FakeLlm } from '../support/fake-llm';
import { routeLlm, stageOf } from '../support/routed-llm';
import { cloudChoices, POSE_MODEL, POSE_TO_IMAGE_MODEL, SEED_PLAN, SEED_REQUEST } from './seed-example';
import { startSeedFakes, type SeedFakes } from './seed-fakes';

let fakes: SeedFakes;
let llm: FakeLlm;
let hf: FakeHf;
let cwd: string;
let config: string;
let choices: ReturnType<typeof cloudChoices>;

beforeAll(async () => {
  fakes = await startSeedFakes({ seedModels: true });
  ({ llm, hf, cwd, config } = fakes);
  choices = cloudChoices(fakes.settings);
});
afterAll(() => fakes.close());
beforeEach(() => {
  llm.requests.length = 0;
  hf.requests.length = 0;
  routeLlm(llm, {
    plan: () => `Here is the plan:\n\`\`\`json\n${JSON.stringify(SEED_PLAN)}\n\`\`\``,
    respond: () => 'Here is a girl reading a book in the pose of the boy, and a recording of its description.',
  });
});

const run = (...args: string[]) => fakes.cli(args);

describe('hugginggpt run', () => {
  it('runs the seed example through all four stages with three LLM calls', async () => {
    const { code, json, stderr } = await run('run', SEED_REQUEST, '--json');
    expect(stderr).not.toContain('Error:');
    expect(code).toBe(0);
    const doc = json();
    expect(doc.tasks.map((t: any) => t.task)).toEqual(['openpose-control', 'openpose-text-to-image', 'object-detection', 'image-to-text', 'text-to-speech']);
    expect(doc.tasks[1]).toEqual({ id: 1, task: 'openpose-text-to-image', dep: [0], args: { text: 'a girl reading a book', image: '<resource>-0' } });
    expect(doc.selections[0]).toMatchObject({ model: POSE_MODEL, endpoint: 'local-controlnet' });
    expect(doc.selections[3]).toMatchObject({ model: choices['image-to-text'], endpoint: 'huggingface', reason: `${choices['image-to-text']} is the best fit` });
    for (const id of [0, 1, 2, 3, 4]) expect(doc.results[id].status).toBe('succeeded');
    const files = Object.values(doc.results).flatMap((r: any) => r.outputs.filter((o: any) => o.path).map((o: any) => o.path));
    expect(files).toHaveLength(4); // pose map, new image, image with boxes drawn, speech
    for (const file of files) expect(existsSync(file)).toBe(true);
    // Copied out of the store under readable names, into a folder named after the run in the current folder.
    expect(files.map((f: string) => basename(f))).toEqual(['task-0-image.png', 'task-1-image.png', 'task-2-image.png', 'task-4-audio.wav']);
    for (const file of files) expect(dirname(file)).toBe(join(cwd, `hugginggpt-${doc.runId}`));
    expect(doc.results[0].outputs[0].stored).toMatch(/[0-9a-f]{64}\.png$/);
    expect(doc.results[2].outputs.map((o: any) => o.modality).sort()).toEqual(['image', 'text']);
    expect(doc.results[4].outputs[0].path).toMatch(/\.wav$/);
    expect(doc.response).toContain('Here is a girl reading a book');
    expect(doc.response).toContain(`Generated files:\n- [task-0-image.png](<${doc.results[0].outputs[0].stored}>) (task 0, openpose-control, image`);
    expect(doc.usage.llmCalls).toBe(3);
    expect(llm.requests.map(stageOf)).toEqual(['plan', 'select', 'respond']);
    expect(doc.usage.promptTokens).toBeGreaterThan(0);
  });

  it('sends ControlNet work to the local endpoint and the rest to the cloud, passing outputs along', async () => {
    await run('run', SEED_REQUEST, '--json');
    const byModel = (m: string) => hf.requests.filter((r) => r.model === m);
    expect(byModel(POSE_MODEL)[0].contentType).toBe('image/jpeg');
    expect(byModel(POSE_MODEL)[0].headers.authorization).toBeUndefined();
    const poseToImage = byModel(POSE_TO_IMAGE_MODEL)[0].json as any;
    expect(poseToImage.inputs).toBe('a girl reading a book');
    expect(poseToImage.parameters.image).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(byModel(choices['image-to-text'])[0].headers.authorization).toBe('Bearer hf_test');
    expect(byModel(choices['image-to-text'])[0].contentType).toBe('image/png');
  });

  it('prints partial results and exits 1 when a task fails; its dependents are skipped, other branches finish', async () => {
    hf.script(choices['image-to-text'], { status: 500, body: 'CUDA out of memory' });
    const { code, json } = await run('run', SEED_REQUEST, '--json');
    expect(code).toBe(1);
    const doc = json();
    expect(doc.results[3]).toMatchObject({ status: 'failed', error: { kind: 'http', status: 500 } });
    expect(doc.results[4].status).toBe('skipped');
    expect(doc.results[2].status).toBe('succeeded');
    expect(doc.response).toContain('Here is a girl');
  });

  it('answers a plain conversation directly', async () => {
    routeLlm(llm, { plan: () => '[]', direct: () => 'Hello! I can plan work for expert models.' });
    const { code, json } = await run('run', 'hello there', '--json');
    expect(code).toBe(0);
    expect(json()).toMatchObject({ tasks: [], results: {}, response: 'Hello! I can plan work for expert models.', usage: { llmCalls: 2 } });
  });

  it('treats an answer no plan can be read from as a plain conversation, saying so and counting every call', async () => {
    routeLlm(llm, { plan: () => 'I would love to help, but let me think about it first.', direct: () => 'Here is a direct answer.' });
    const { code, json, stderr } = await run('run', 'do something clever', '--json');
    expect(code).toBe(0);
    expect(json()).toMatchObject({ tasks: [], response: 'Here is a direct answer.', usage: { llmCalls: 3 } });
    expect(stderr).toMatch(/plan issue: No task plan could be read from the LLM's answer .*; answering directly instead\./);
  });

  it('prints progress on stderr and the streamed answer on stdout without --json', async () => {
    const { code, stderr, stdout } = await run('run', SEED_REQUEST, '--yes');
    expect(code).toBe(0);
    expect(stderr).toContain('plan (5 tasks):');
    expect(stderr).toMatch(/task 0 openpose-control: running lllyasviel\/sd-controlnet-openpose on local-controlnet/);
    expect(stderr).toMatch(/task 4 text-to-speech: succeeded in [\d.]+s -> task-4-audio\.wav/);
    expect(stderr).not.toMatch(/[0-9a-f]{64}/);
    expect(stdout).toMatch(/^Here is a girl reading a book/);
    expect(stdout).toContain('Generated files:');
    expect(stdout).toMatch(new RegExp(`Files:\n  ${join(cwd, 'hugginggpt-')}[\\w-]+/task-0-image\\.png\n`));
  });

  it('writes the outputs to --out DIR with readable names', async () => {
    const { code, json } = await run('run', SEED_REQUEST, '--json', '--out', 'my-results');
    expect(code).toBe(0);
    const audio = json().results[4].outputs[0];
    expect(audio.path).toBe(join(cwd, 'my-results', 'task-4-audio.wav'));
    expect(readFileSync(audio.path)).toEqual(readFileSync(audio.stored));
  });

  it('asks before running when a person is at the terminal, and runs nothing when told no', async () => {
    const declined = captureIO({ cwd, env: {}, answers: [false] });
    expect(await runCli(['run', SEED_REQUEST, '--config', config, '--data-dir', mkdtempSync(join(tmpdir(), 'hgs-data-'))], declined.io)).toBe(1);
    expect(declined.stderr()).toContain('plan (5 tasks):');
    expect(declined.stderr()).toContain('not run.');
    expect(hf.requests).toHaveLength(0);

    const accepted = captureIO({ cwd, env: {}, answers: [true] });
    expect(await runCli(['run', SEED_REQUEST, '--config', config, '--data-dir', mkdtempSync(join(tmpdir(), 'hgs-data-'))], accepted.io)).toBe(0);
    expect(hf.requests.length).toBeGreaterThan(0);
  });

  it('exits 2 without a request, and when no LLM is configured', async () => {
    expect((await run('run')).code).toBe(2);
    const cap = captureIO({ cwd, env: {} });
    const code = await runCli(['run', 'hi', '--data-dir', mkdtempSync(join(tmpdir(), 'hgs-data-'))], cap.io);
    expect(code).toBe(2);
    expect(cap.stderr()).toMatch(/^hugginggpt: no LLM configured/);
  });

  it('saves the run as a workflow and re-runs it on a new input without planning, from the cache where unchanged', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'hgs-data-'));
    const workflowFile = join(cwd, 'pose.json');
    expect((await fakes.cli(['run', SEED_REQUEST, '--json', '--save-workflow', workflowFile], { dataDir })).code).toBe(0);
    const workflow = JSON.parse(readFileSync(workflowFile, 'utf8'));
    expect(workflow.inputs.map((i: any) => [i.name, i.modality])).toEqual([['example', 'image'], ['text', 'text']]);
    expect(JSON.stringify(workflow)).not.toContain('hf_test');

    llm.requests.length = 0;
    hf.requests.length = 0;
    hf.script(POSE_TO_IMAGE_MODEL, { reply: { contentType: 'image/png', body: tinyPng(32, 32, [20, 120, 200]) } });
    const again = await fakes.cli(['workflow', 'run', workflowFile, '--input', 'text=a boy dancing', '--json', '--out', 'again'], { dataDir });
    expect(again.code).toBe(0);
    const doc = again.json();
    expect(doc.results[1].outputs[0].path).toBe(join(cwd, 'again', 'task-1-image.png'));
    // Only what depends on the changed text runs again: the pose map comes from the cache, and so does the
    // speech, whose input (the fake captioner's text) did not change.
    expect([0, 1, 2, 3, 4].map((id) => doc.results[id].status)).toEqual(['cached', 'succeeded', 'succeeded', 'succeeded', 'cached']);
    expect(llm.requests).toHaveLength(0);
    expect(hf.requests.map((r) => r.model)).not.toContain(POSE_MODEL);
    expect((hf.requests.find((r) => r.model === POSE_TO_IMAGE_MODEL)!.json as any).inputs).toBe('a boy dancing');
  });

  it('refuses unknown workflow inputs with exit 2', async () => {
    const workflowFile = join(cwd, 'pose2.json');
    await run('run', SEED_REQUEST, '--save-workflow', workflowFile, '--yes');
    const { code, stderr } = await run('workflow', 'run', workflowFile, '--input', 'photo=x.jpg');
    expect(code).toBe(2);
    expect(stderr).toBe('hugginggpt: the workflow has no input "photo" (inputs: example, text)\n');
  });
});
