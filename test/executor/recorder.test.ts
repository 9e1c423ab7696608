// Run records on disk: runs/<id>/run.json (atomic, at start and end) and runs/<id>/events.jsonl.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { executeGraph } from '../../src-main/engine/executor/execute-graph';
import type { RunRecord } from '../../src-main/engine/executor/types';
import { InferenceError } from '../../src-main/engine/inference';
import { writeFileAtomic } from '../../src-main/platform/atomic-file';
import { FsRunRecorder } from '../../src-main/platform/fs-run-recorder';
import { harness, inputFor, task } from './fakes/fixtures';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'hgpt-runs-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('run records', () => {
  it('writes run.json and events.jsonl for a run', async () => {
    const h = harness();
    const recorder = new FsRunRecorder(dataDir);
    let duringRun: RunRecord | undefined;
    h.runner.script('m/image-to-text-1', async () => {
      duringRun = await recorder.read('20260101-000000-abcdef');
      throw new InferenceError('http', 'HTTP 500', { status: 500 });
    });
    const tasks = [task(0, 'text-to-image', { text: 'a cat' }), task(1, 'image-to-text', { image: '<resource>-0' })];
    const outcome = await executeGraph(
      inputFor(h, tasks, { runId: '20260101-000000-abcdef', deps: { ...h.deps, recorder }, context: { request: 'draw a cat and describe it', conversationId: 'c1' } }),
    ).done;
    expect(outcome.recordError).toBeUndefined();
    expect(duringRun).toMatchObject({ status: 'running', results: {} });

    const folder = join(dataDir, 'runs', '20260101-000000-abcdef');
    expect((await readdir(folder)).sort()).toEqual(['events.jsonl', 'run.json']);
    const record = JSON.parse(await readFile(join(folder, 'run.json'), 'utf8')) as RunRecord;
    expect(record).toMatchObject({
      version: 1,
      runId: '20260101-000000-abcdef',
      status: 'failed',
      context: { request: 'draw a cat and describe it', conversationId: 'c1' },
      tasks,
      selections: { 0: { model: 'm/text-to-image-0' } },
      summary: { status: 'failed', counts: { succeeded: 1, failed: 1 } },
    });
    expect(record.results[0]).toMatchObject({ status: 'succeeded', model: 'm/text-to-image-0', endpoint: 'huggingface', outputs: [{ modality: 'image' }] });
    expect(record.results[1]).toMatchObject({ status: 'failed', error: { kind: 'http', status: 500 }, attempts: [{ attempt: 1, status: 500 }] });
    expect(record.finishedAt).toBeGreaterThanOrEqual(record.startedAt);

    const lines = (await readFile(join(folder, 'events.jsonl'), 'utf8')).trim().split('\n');
    expect(lines.map((l) => JSON.parse(l))).toEqual(h.events);
    expect(await recorder.readEvents('20260101-000000-abcdef')).toEqual(h.events);
  });

  it('records two runs at once in their own folders, and lists them newest first', async () => {
    const recorder = new FsRunRecorder(dataDir);
    const h1 = harness();
    const h2 = harness();
    const ids = ['20260101-000000-aaaaaa', '20260102-000000-bbbbbb'];
    await Promise.all(
      ids.map((runId, i) => executeGraph(inputFor([h1, h2][i], [task(0, 'text-to-image', { text: runId })], { runId, deps: { ...[h1, h2][i].deps, recorder } })).done),
    );
    expect(await recorder.list()).toEqual([...ids].reverse());
    for (const [i, runId] of ids.entries()) {
      expect(await recorder.readEvents(runId)).toEqual([h1, h2][i].events);
      expect((await recorder.read(runId))?.status).toBe('succeeded');
    }
    expect(await recorder.read('20991231-000000-ffffff')).toBeUndefined();
  });

  it('reports a record that cannot be written without losing the results', async () => {
    const h = harness();
    await writeFileAtomic(join(dataDir, 'runs'), 'not a folder');
    const outcome = await executeGraph(inputFor(h, [task(0, 'text-to-image', { text: 'x' })], { deps: { ...h.deps, recorder: new FsRunRecorder(dataDir) } })).done;
    expect(outcome.summary.status).toBe('succeeded');
    expect(outcome.recordError).toMatch(/the run record could not be written/);
  });
});

describe('writeFileAtomic', () => {
  it('replaces a file in one step and leaves no temporary file', async () => {
    const file = join(dataDir, 'a', 'b.json');
    await writeFileAtomic(file, '{"v":1}');
    await writeFileAtomic(file, '{"v":2}');
    expect(await readFile(file, 'utf8')).toBe('{"v":2}');
    expect(await readdir(join(dataDir, 'a'))).toEqual(['b.json']);
  });
});
