// Default settings (selection.llmDoesTextTasks: true): a text task the controlling LLM does itself runs as a
// node like any other, with its events, outputs, cache entry and run record (issue 20, item 3).
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeLlm, stageOf } from '../support/routed-llm';
import { startSeedFakes, type SeedFakes } from '../pipeline/seed-fakes';

const PLAN = [
  { task: 'image-classification', id: 0, dep: [-1], args: { image: 'example.jpg' } },
  { task: 'summarization', id: 1, dep: [0], args: { text: '<resource>-0' } },
];

let fakes: SeedFakes;
beforeAll(async () => {
  fakes = await startSeedFakes({ cloud: { 'google/vit-base-patch16-224': 'image-classification' }, settings: (s) => ({ ...s, endpoints: [] }) });
  expect(fakes.settings.selection.llmDoesTextTasks).toBe(true);
  routeLlm(fakes.llm, {
    plan: () => JSON.stringify(PLAN),
    select: () => JSON.stringify({ choices: [{ task: 0, id: 'google/vit-base-patch16-224', reason: 'a classifier' }] }),
    task: () => 'A tabby cat.',
    respond: () => 'The picture shows a tabby cat.',
  });
});
afterAll(() => fakes.close());

describe('text tasks done by the controlling LLM', () => {
  it('runs image classification + summarization under default settings, with records and cache', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'hgs-data-'));
    const first = await fakes.cli(['run', 'classify example.jpg and summarize the labels', '--json'], { dataDir });
    expect(first.stderr).not.toContain('done by the controlling LLM, not by a model endpoint');
    expect(first.code).toBe(0);
    const doc = first.json();
    expect(doc.selections[1]).toMatchObject({ endpoint: 'llm' });
    expect(doc.results[1]).toMatchObject({ status: 'succeeded', endpoint: 'llm', outputs: [{ modality: 'text', text: 'A tabby cat.' }] });
    expect(fakes.llm.requests.map(stageOf)).toContain('task');
    expect(first.stderr).toMatch(/task 1 summarization: succeeded/);

    const record = JSON.parse(readFileSync(join(dataDir, 'runs', doc.runId, 'run.json'), 'utf8'));
    expect(record.results[1]).toMatchObject({ status: 'succeeded', outputs: [{ text: 'A tabby cat.' }] });
    const events = readFileSync(join(dataDir, 'runs', doc.runId, 'events.jsonl'), 'utf8');
    expect(events).toContain('"type":"node-succeeded","taskId":1');

    const taskCalls = fakes.llm.requests.filter((r) => stageOf(r) === 'task').length;
    const again = await fakes.cli(['run', 'classify example.jpg and summarize the labels', '--json'], { dataDir });
    expect(again.code).toBe(0);
    expect(again.json().results[1].status).toBe('cached');
    expect(fakes.llm.requests.filter((r) => stageOf(r) === 'task').length).toBe(taskCalls);
  });
});
