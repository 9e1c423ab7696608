// Default settings (selection.llmDoesTextTasks: true): a text task the controlling LLM does itself runs as a
// node like any other, with its events, outputs, cache entry and run record (issue 20, item 3).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src-main/cli/main';
import { captureIO } from '../support/cli-io';
import { startFakeHf, type FakeHf } from '../support/fake-hf';
import { startFakeLlm, type FakeLlm } from '../support/fake-llm';
import { routeLlm, stageOf } from '../support/routed-llm';
import { folderWithExample, seedSettings, startSeedHub } from '../pipeline/seed-example';
import type { FakeHub } from '../support/fake-hub';

const PLAN = [
  { task: 'image-classification', id: 0, dep: [-1], args: { image: 'example.jpg' } },
  { task: 'summarization', id: 1, dep: [0], args: { text: '<resource>-0' } },
];

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
  const settings = { ...seedSettings(llm.baseURL, hf.url, hub.url), endpoints: [] };
  expect(settings.selection.llmDoesTextTasks).toBe(true);
  hf.addModel('google/vit-base-patch16-224', { task: 'image-classification' });
  config = join(cwd, 'config.json');
  writeFileSync(config, JSON.stringify(settings));
  routeLlm(llm, {
    plan: () => JSON.stringify(PLAN),
    select: () => JSON.stringify({ choices: [{ task: 0, id: 'google/vit-base-patch16-224', reason: 'a classifier' }] }),
    task: () => 'A tabby cat.',
    respond: () => 'The picture shows a tabby cat.',
  });
});
afterAll(async () => {
  await llm.close();
  await hf.close();
  await hub.close();
});

describe('text tasks done by the controlling LLM', () => {
  it('runs image classification + summarization under default settings, with records and cache', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'hgs-data-'));
    const first = captureIO({ cwd });
    const code = await runCli(['run', 'classify example.jpg and summarize the labels', '--json', '--config', config, '--data-dir', dataDir], first.io);
    expect(first.stderr()).not.toContain('done by the controlling LLM, not by a model endpoint');
    expect(code).toBe(0);
    const doc = JSON.parse(first.stdout());
    expect(doc.selections[1]).toMatchObject({ endpoint: 'llm' });
    expect(doc.results[1]).toMatchObject({ status: 'succeeded', endpoint: 'llm', outputs: [{ modality: 'text', text: 'A tabby cat.' }] });
    expect(llm.requests.map(stageOf)).toContain('task');
    expect(first.stderr()).toMatch(/task 1 summarization: succeeded/);

    const record = JSON.parse(readFileSync(join(dataDir, 'runs', doc.runId, 'run.json'), 'utf8'));
    expect(record.results[1]).toMatchObject({ status: 'succeeded', outputs: [{ text: 'A tabby cat.' }] });
    const events = readFileSync(join(dataDir, 'runs', doc.runId, 'events.jsonl'), 'utf8');
    expect(events).toContain('"type":"node-succeeded","taskId":1');

    const taskCalls = llm.requests.filter((r) => stageOf(r) === 'task').length;
    const again = captureIO({ cwd });
    expect(await runCli(['run', 'classify example.jpg and summarize the labels', '--json', '--config', config, '--data-dir', dataDir], again.io)).toBe(0);
    expect(JSON.parse(again.stdout()).results[1].status).toBe('cached');
    expect(llm.requests.filter((r) => stageOf(r) === 'task').length).toBe(taskCalls);
  });
});
