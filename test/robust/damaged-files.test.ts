// Nothing vanishes (issue 20, item 10): damaged workflow and run files are listed as damaged with the reason,
// a torn last line of events.jsonl does not make a run unopenable, a run whose process died is marked
// interrupted, and temporary files of writes that never finished are cleaned up.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { executeGraph } from '../../src-main/engine/executor/execute-graph';
import { FsRunRecorder, INTERRUPTED_NODE_REASON } from '../../src-main/platform/fs-run-recorder';
import { RunHistory } from '../../src-main/service/run-history';
import { WorkflowLibrary } from '../../src-main/service/workflows/workflow-library';

const DEAD_PID = 2 ** 22 + 12345; // above Linux's pid_max: no such process

const record = (runId: string, extra: object = {}) => ({
  version: 1,
  runId,
  status: 'running',
  startedAt: 1000,
  context: { request: 'r' },
  tasks: [{ id: 0, task: 'image-classification', dep: [-1], args: { image: 'a.png' } }, { id: 1, task: 'summarization', dep: [0], args: { text: '<resource>-0' } }],
  selections: {},
  execution: {},
  results: { 0: { status: 'succeeded', outputs: [], attempts: [] } },
  ...extra,
});

describe('damaged files are listed, not hidden', () => {
  it('lists a corrupt and a newer-version workflow file as damaged, with the reason, and leaves them in place', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'hgs-damaged-'));
    const folder = join(dataDir, 'workflows');
    mkdirSync(folder);
    writeFileSync(join(folder, 'torn.json'), '{"version": 1, "name": "half');
    writeFileSync(join(folder, 'future.json'), JSON.stringify({ version: 99, name: 'from the future' }));
    writeFileSync(join(folder, `good.json.${DEAD_PID}.0123abcd.tmp`), '{"vers');
    const entries = await new WorkflowLibrary(dataDir).list();
    expect(entries.map((e) => e.id).sort()).toEqual(['future', 'torn']);
    expect(entries.find((e) => e.id === 'torn')!.damaged).toMatch(/not valid JSON/);
    expect(entries.find((e) => e.id === 'future')!.damaged).toMatch(/99|newer/);
    expect(readFileSync(join(folder, 'torn.json'), 'utf8')).toBe('{"version": 1, "name": "half');
    expect(existsSync(join(folder, `good.json.${DEAD_PID}.0123abcd.tmp`))).toBe(false);
  });

  it('lists a run whose run.json is corrupt as damaged, and refuses to open it with a clear error', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'hgs-damaged-'));
    const runId = 'run-20260101-000000-aaaa';
    mkdirSync(join(dataDir, 'runs', runId), { recursive: true });
    writeFileSync(join(dataDir, 'runs', runId, 'run.json'), '{"version": 1, "runId": ');
    const history = new RunHistory(new FsRunRecorder(dataDir));
    const [item] = await history.list();
    expect(item).toMatchObject({ runId, damaged: expect.stringMatching(/run\.json cannot be read/) });
    expect(item.startedAt).toBeGreaterThan(0); // the folder's time, so it sorts among the others
    await expect(history.detail(runId)).rejects.toMatchObject({ kind: 'damaged-run' });
  });
});

describe('runs cut short', () => {
  it('opens a run whose events.jsonl ends in a torn line', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'hgs-torn-'));
    const runId = 'run-20260101-000000-bbbb';
    const folder = join(dataDir, 'runs', runId);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'run.json'), JSON.stringify(record(runId, { status: 'succeeded', pid: process.pid })));
    const events = [{ type: 'run-started', taskIds: [0, 1], runId, seq: 1, at: 1 }, { type: 'node-queued', taskId: 0, runId, seq: 2, at: 2 }];
    writeFileSync(join(folder, 'events.jsonl'), `${events.map((e) => JSON.stringify(e)).join('\n')}\n{"type":"node-sta`);
    const detail = await new RunHistory(new FsRunRecorder(dataDir)).detail(runId);
    expect(detail.events).toEqual(events);
  });

  it('marks a running record whose process is gone as interrupted, and cleans its leftover temp files', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'hgs-killed-'));
    const runId = 'run-20260101-000000-cccc';
    const folder = join(dataDir, 'runs', runId);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'run.json'), JSON.stringify(record(runId, { pid: DEAD_PID })));
    writeFileSync(join(folder, `run.json.${DEAD_PID}.89abcdef.tmp`), '{');
    const history = new RunHistory(new FsRunRecorder(dataDir));
    const [item] = await history.list();
    expect(item).toMatchObject({ runId, status: 'cancelled', interrupted: true, counts: { succeeded: 1, cancelled: 1 } });
    expect(JSON.parse(readFileSync(join(folder, 'run.json'), 'utf8'))).toMatchObject({ status: 'cancelled', interrupted: true });
    // The node that had not finished is recorded as cancelled with why, so a reopened run never shows it as still to run.
    const detail = await history.detail(runId);
    expect(detail.results[1]).toMatchObject({ status: 'cancelled', reason: INTERRUPTED_NODE_REASON });
    expect(detail.results[0].status).toBe('succeeded');
    expect(existsSync(join(folder, `run.json.${DEAD_PID}.89abcdef.tmp`))).toBe(false);
  });

  it('leaves a run of a live process running', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'hgs-live-'));
    const recorder = new FsRunRecorder(dataDir);
    let release!: () => void;
    const handle = executeGraph({
      tasks: [{ id: 0, task: 'image-classification', dep: [-1], args: { image: 'a.png' } }],
      selections: {},
      targets: {},
      userResources: {},
      execution: { mode: 'hybrid', maxParallel: 1, maxPerEndpoint: 1, timeoutMs: 1000, taskTimeoutMs: {}, retries: 0, fallbackToCloud: false, autoRespond: false },
      deps: { runner: { run: () => new Promise(() => undefined) }, store: { put: async () => { throw new Error('x'); }, read: async () => new Uint8Array() } as any, recorder: { ...recorder, begin: (r: any) => recorder.begin(r).then(() => new Promise<void>((resolve) => (release = resolve))), event: (e: any) => recorder.event(e), finish: (r: any) => recorder.finish(r) } as any },
    });
    while (!release) await new Promise((r) => setTimeout(r, 10));
    const [item] = await new RunHistory(new FsRunRecorder(dataDir)).list();
    expect(item).toMatchObject({ runId: handle.runId, status: 'running' });
    expect(item.interrupted).toBeUndefined();
    release();
    await handle.done;
  });
});
