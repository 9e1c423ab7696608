import { describe, expect, it } from 'vitest';
import type { RunEvent, RunEventBody } from '../../src-shared/run-events';
import { buildRunRequest } from '../../src-renderer/store/run-request';
import { createStudioStore } from '../../src-renderer/store/studio-store';
import { isRunning } from '../../src-renderer/store/studio-state';
import { planResult } from './fixtures';

const planned = () => {
  const store = createStudioStore();
  store.getState().planRequested('detect, caption and speak', []);
  store.getState().planReceived(planResult());
  return store;
};
let seq = 0;
const ev = (runId: string, body: RunEventBody): RunEvent => ({ ...body, runId, seq: ++seq, at: 1000 + seq });

describe('the studio store', () => {
  it('shows streamed tasks, then the plan with its selections and a chat line', () => {
    const store = createStudioStore();
    store.getState().planRequested('caption this', []);
    store.getState().planDelta({ requestId: 'r1', tasks: planResult().plan.tasks.slice(0, 1) });
    expect(store.getState().tasks.map((t) => t.id)).toEqual([0]);
    store.getState().planDelta({ requestId: 'other', tasks: [] });
    expect(store.getState().tasks).toHaveLength(1);
    store.getState().planReceived(planResult());
    const s = store.getState();
    expect(s).toMatchObject({ planning: false, conversationId: 'c1', changed: [] });
    expect(s.tasks).toHaveLength(4);
    expect(s.selections[2].model).toBe('model-for-text-to-speech');
    expect(s.chat.map((m) => m.role)).toEqual(['user', 'assistant']);
  });

  it('marks the edited task and its dependents as changed', () => {
    const store = planned();
    store.getState().setArg(0, 'image', 'other.jpg');
    expect(store.getState().changed).toEqual([0, 1, 2]);
    store.getState().chooseModel(3, { model: 'google/vit', endpoint: 'huggingface', reason: 'chosen by you', method: 'user' });
    expect(store.getState().changed).toEqual([0, 1, 2, 3]);
    expect(store.getState().selections[3]).toMatchObject({ taskId: 3, model: 'google/vit', method: 'user' });
  });

  it('refuses an incompatible connection with a visible notice and no history entry', () => {
    const store = planned();
    expect(store.getState().connect({ source: 2, target: 3, targetPort: 'image' })).toBe(false);
    expect(store.getState().notice).toMatchObject({ tone: 'error', message: expect.stringMatching(/audio/) });
    expect(store.getState().past).toHaveLength(0);
  });

  it('undoes and redoes edits, including what changed', () => {
    const store = planned();
    store.getState().connect({ source: 3, target: 2, targetPort: 'text' });
    store.getState().deleteTasks([1]);
    expect(store.getState().tasks.map((t) => t.id)).toEqual([0, 2, 3]);
    store.getState().undo();
    expect(store.getState().tasks.map((t) => t.id)).toEqual([0, 1, 2, 3]);
    expect(store.getState().tasks[2]).toMatchObject({ dep: [3], args: { text: '<resource>-3' } });
    store.getState().undo();
    expect(store.getState().tasks[2]).toMatchObject({ dep: [1], args: { text: '<resource>-1' } });
    expect(store.getState().changed).toEqual([]);
    store.getState().redo();
    store.getState().redo();
    expect(store.getState().tasks.map((t) => t.id)).toEqual([0, 2, 3]);
    store.getState().redo();
    expect(store.getState().tasks.map((t) => t.id)).toEqual([0, 2, 3]);
  });

  it('adds a task without a model and selects it', () => {
    const store = planned();
    const id = store.getState().addTask('text-to-image', { x: 10, y: 20 });
    const s = store.getState();
    expect(id).toBe(4);
    expect(s.selectedTaskId).toBe(4);
    expect(s.selections[4]).toBeUndefined();
    // The drop point is taken by the planned tasks (shown at their quick positions): the new one goes below them.
    expect(s.layout.positions[4]).toEqual({ x: 10, y: 180 + 180 + 32 });
    s.selectionsReceived({ 4: { taskId: 4, model: 'sd', endpoint: 'huggingface', reason: 'r', method: 'only-candidate' }, 0: { taskId: 0, model: 'ignored', endpoint: 'x', reason: '', method: 'llm' } });
    expect(store.getState().selections[4].model).toBe('sd');
    expect(store.getState().selections[0].model).toBe('model-for-object-detection');
  });

  it('applies run events, including those that arrive before run.start answers', () => {
    const store = planned();
    store.getState().runStarting();
    expect(isRunning(store.getState())).toBe(true);
    store.getState().runEvent(ev('run1', { type: 'run-started', taskIds: [0, 1, 2, 3] }));
    store.getState().runEvent(ev('run1', { type: 'node-started', taskId: 0, model: 'detr', endpoint: 'huggingface', attempt: 1 }));
    store.getState().runStarted('run1');
    expect(store.getState().runs[0].status).toBe('running');
    expect(store.getState().runs[1].status).toBe('queued');
    const image = { hash: 'a'.repeat(64), ext: 'png', mime: 'image/png', size: 10 };
    store.getState().runEvent(ev('run1', { type: 'node-succeeded', taskId: 0, outputs: [{ port: 'image', modality: 'image', resource: image }], durationMs: 42, model: 'detr', endpoint: 'huggingface' }));
    store.getState().runEvent(ev('run1', { type: 'node-failed', taskId: 1, error: { kind: 'loading', message: 'Model is loading', retriable: true, status: 503 }, attempts: [] }));
    store.getState().runEvent(ev('run1', { type: 'node-skipped', taskId: 2, reason: 'Task 1 failed' }));
    store.getState().runEvent(ev('run1', { type: 'node-cached', taskId: 3, outputs: [{ port: 'text', modality: 'text', text: 'cat' }], model: 'vit', endpoint: 'huggingface' }));
    store.getState().runEvent(ev('other', { type: 'node-succeeded', taskId: 3, outputs: [], durationMs: 1, model: 'x', endpoint: 'y' }));
    store.getState().runEvent(ev('run1', { type: 'run-finished', summary: { status: 'failed', durationMs: 50, counts: { succeeded: 1, failed: 1 } } }));
    const s = store.getState();
    expect([0, 1, 2, 3].map((id) => s.runs[id].status)).toEqual(['succeeded', 'failed', 'skipped', 'cached']);
    expect(s.runs[0]).toMatchObject({ durationMs: 42, outputs: [{ resource: image }] });
    expect(s.runs[1].error).toMatchObject({ kind: 'loading', status: 503 });
    expect(s.runs[3].outputs[0].text).toBe('cat');
    expect(isRunning(s)).toBe(false);
  });

  it('re-runs only what changed since the last run, or from a chosen node', () => {
    const store = planned();
    expect(buildRunRequest(store.getState(), { kind: 'auto' }, 'local')).not.toHaveProperty('from');
    store.getState().runStarting();
    store.getState().runStarted('run1');
    store.getState().setArg(1, 'image', '<resource>-0');
    store.getState().markChanged([1]);
    expect(buildRunRequest(store.getState(), { kind: 'auto' }, 'local')).toMatchObject({ conversationId: 'c1', from: [1, 2], baseRunId: 'run1' });
    expect(buildRunRequest(store.getState(), { kind: 'from', taskIds: [2], force: true }, 'local')).toMatchObject({ from: [2], baseRunId: 'run1', force: [2] });
    store.getState().runStarting();
    store.getState().runStarted('run2');
    expect(store.getState().changed).toEqual([]);
    expect(buildRunRequest(store.getState(), { kind: 'auto' }, 'local')).not.toHaveProperty('from');
  });

  it('streams the response into one chat message', () => {
    const store = planned();
    store.getState().responseStarted('run1');
    store.getState().responseText('resp1', 'The image', false);
    store.getState().responseText('resp1', 'The image shows a cat.', false);
    store.getState().responseText('resp1', 'The image shows a cat.', true);
    const last = store.getState().chat.at(-1)!;
    expect(last).toMatchObject({ role: 'assistant', text: 'The image shows a cat.', streaming: false, requestId: 'resp1' });
    expect(store.getState().chat).toHaveLength(3);
    expect(store.getState().responding).toBe(false);
  });
});

describe('reconnecting an edge', () => {
  it('moves the reference in one undo step, or refuses and keeps the graph', () => {
    const store = planned();
    expect(store.getState().reconnect({ source: 1, target: 2, targetPort: 'text' }, { source: 3, target: 2, targetPort: 'text' })).toBe(true);
    expect(store.getState().tasks[2]).toMatchObject({ dep: [3], args: { text: '<resource>-3' } });
    expect(store.getState().past).toHaveLength(1);
    expect(store.getState().reconnect({ source: 3, target: 2, targetPort: 'text' }, { source: 0, target: 2, targetPort: 'text', sourcePort: 'image' })).toBe(false);
    expect(store.getState().tasks[2].args.text).toBe('<resource>-3');
    store.getState().undo();
    expect(store.getState().tasks[2].args.text).toBe('<resource>-1');
  });
});
