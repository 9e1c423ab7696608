// The store's side of run history: a past run shown read-only refuses edits until it is adopted, and the
// run request after "Edit from this run" re-runs only the asked-for node on top of the recorded run.
import { describe, expect, it } from 'vitest';
import type { RunDetail } from '../../src-shared/library';
import { buildRunRequest } from '../../src-renderer/store/run-request';
import { createStudioStore } from '../../src-renderer/store/studio-store';
import { detectCaptionSpeak } from './fixtures';

const detail = (): RunDetail => {
  const tasks = detectCaptionSpeak();
  return {
    runId: 'run-old', status: 'failed', startedAt: 1, durationMs: 30, taskCount: 4, counts: { succeeded: 2, failed: 1, skipped: 1 },
    tasks, selections: Object.fromEntries(tasks.map((t) => [t.id, { taskId: t.id, model: `m${t.id}`, endpoint: 'huggingface', reason: 'r', method: 'llm' as const }])),
    results: {
      0: { status: 'succeeded', outputs: [{ port: 'text', modality: 'text', text: 'a cat' }], attempts: [], model: 'm0', endpoint: 'huggingface', durationMs: 5 },
      1: { status: 'failed', outputs: [], attempts: [{ attempt: 1, endpoint: 'huggingface', url: 'u', startedAt: 1, durationMs: 3, status: 500 }], error: { kind: 'http', message: 'HTTP 500', retriable: false, status: 500 } },
      2: { status: 'skipped', outputs: [], attempts: [], reason: 'upstream task 1 failed' },
      3: { status: 'succeeded', outputs: [], attempts: [] },
    },
    userResources: {}, events: [{ type: 'node-log', taskId: 0, message: 'hello', runId: 'run-old', seq: 3, at: 2 }],
  };
};

describe('a past run on the canvas', () => {
  it('shows the recorded results read-only and refuses edits with a notice', () => {
    const store = createStudioStore();
    store.getState().runOpened(detail());
    const s = store.getState();
    expect(s.readOnly).toEqual({ runId: 'run-old' });
    expect(s.runs[1]).toMatchObject({ status: 'failed', error: { status: 500 }, attempts: [{ status: 500 }] });
    expect(s.runs[0].logs).toEqual(['hello']);
    expect(s.run.summary).toMatchObject({ status: 'failed' });
    expect(s.setArg(1, 'image', 'other.jpg')).toBe(false);
    s.deleteTasks([0]);
    expect(store.getState().tasks).toHaveLength(4);
    expect(store.getState().notice?.message).toMatch(/read-only/);
  });

  it('becomes editable once adopted, and "Run from here" re-runs from the recorded run', () => {
    const store = createStudioStore();
    store.getState().runOpened(detail());
    store.getState().runAdopted('conv-adopted');
    expect(store.getState().setArg(1, 'image', '<resource>-0')).toBe(true);
    const req = buildRunRequest(store.getState(), { kind: 'from', taskIds: [1] }, 'local');
    expect(req).toMatchObject({ conversationId: 'conv-adopted', from: [1], baseRunId: 'run-old' });
  });
});
