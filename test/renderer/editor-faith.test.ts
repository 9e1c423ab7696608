// The editor keeps faith: answers keep their own run and media, Run explains missing inputs, read-only runs
// stay read-only, autoRespond follows the setting, and an edited graph is not replaced without asking.
import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../../src-shared/run-events';
import { defaultSettings, toSettingsView } from '../../src-shared/settings';
import { createController } from '../../src-renderer/app/controller';
import { createStudioStore } from '../../src-renderer/store/studio-store';
import { fakeClient, type Emit } from './fake-client';
import { planResult } from './fixtures';

const png = (hash: string) => ({ hash: hash.repeat(64).slice(0, 64), ext: 'png', mime: 'image/png', size: 10 });
const settingsWith = (autoRespond: boolean) => toSettingsView({ ...defaultSettings(), execution: { ...defaultSettings().execution, autoRespond } });

/** A run that finishes at once with one image output for task 0. */
function runOnce(runId: string, hash: string) {
  return (_req: unknown, emit: Emit) => {
    let seq = 0;
    const ev = (body: object) => emit('run.event', { ...body, runId, seq: ++seq, at: 1 } as RunEvent);
    ev({ type: 'run-started', taskIds: [0] });
    ev({ type: 'node-succeeded', taskId: 0, outputs: [{ port: 'image', modality: 'image', resource: png(hash) }], durationMs: 1, model: 'm', endpoint: 'huggingface' });
    ev({ type: 'run-finished', summary: { status: 'succeeded', durationMs: 1, counts: { succeeded: 1 } } });
    return { runId };
  };
}

describe('the editor keeps faith', () => {
  it('keeps each answer with its own run and media: a later run does not change an earlier answer', async () => {
    const store = createStudioStore();
    let run = 0;
    const { client } = fakeClient({
      'conversation.plan': () => planResult(),
      'settings.get': () => settingsWith(false),
      'run.start': (req, emit) => runOnce(`run-${++run}`, run === 1 ? 'a' : 'b')(req, emit),
      'response.generate': (req) => ({ requestId: `resp-${req.runId}`, text: `About ${req.runId}`, usage: { llmCalls: 1, promptTokens: 1, completionTokens: 1 } }),
    });
    const controller = createController(client, store, () => true);
    await controller.plan('first', []);
    await controller.run();
    await controller.generateResponse();
    await controller.plan('second', []);
    await controller.run();
    await controller.generateResponse();
    const answers = store.getState().chat.filter((m) => m.runId);
    expect(answers.map((m) => [m.runId, m.text, m.media?.map((x) => x.output.resource?.hash[0])])).toEqual([
      ['run-1', 'About run-1', ['a']],
      ['run-2', 'About run-2', ['b']],
    ]);
  });

  it('explains missing inputs instead of starting a run', async () => {
    const store = createStudioStore();
    const { client, calls } = fakeClient({ 'conversation.plan': () => planResult(), 'run.start': () => ({ runId: 'never' }) });
    const controller = createController(client, store);
    await controller.plan('x', []);
    store.getState().deleteTasks([0]);
    await controller.run();
    expect(calls.map((c) => c.channel)).toEqual(['conversation.plan']);
    expect(store.getState().notice).toMatchObject({ tone: 'error', message: expect.stringContaining('task 1 (image-to-text): "image" needs image input') });
  });

  it('refuses to run a past run shown read-only, until "Edit from this run"', async () => {
    const store = createStudioStore();
    const { client, calls } = fakeClient({ 'run.start': () => ({ runId: 'r2' }), 'runs.adopt': () => ({ conversationId: 'c9' }) });
    const controller = createController(client, store);
    store.getState().runOpened({
      runId: 'r1', status: 'succeeded', startedAt: 1, durationMs: 5, counts: {}, tasks: planResult().plan.tasks, selections: planResult().selections,
      results: {}, events: [],
    } as any);
    await controller.run();
    await controller.runFrom(1);
    expect(calls).toEqual([]);
    expect(store.getState().notice?.message).toMatch(/read-only/);
    expect(store.getState().setArg(1, 'image', 'x.png')).toBe(false);
    await controller.library.editFromRun();
    await controller.run();
    expect(calls.map((c) => c.channel)).toEqual(['runs.adopt', 'run.start']);
    expect(store.getState().origin).toEqual({ kind: 'run', runId: 'r1' });
  });

  it('writes the answer by itself after a successful run only when autoRespond is on', async () => {
    for (const autoRespond of [true, false]) {
      const store = createStudioStore();
      const { client, calls } = fakeClient({
        'conversation.plan': () => planResult(),
        'settings.get': () => settingsWith(autoRespond),
        'run.start': runOnce('run-1', 'c'),
        'response.generate': () => ({ requestId: 'resp', text: 'Done.', usage: { llmCalls: 1, promptTokens: 1, completionTokens: 1 } }),
      });
      const controller = createController(client, store);
      await controller.plan('x', []);
      await controller.run();
      await expect.poll(() => calls.some((c) => c.channel === 'settings.get')).toBe(true);
      await new Promise((r) => setTimeout(r, 0));
      expect(calls.filter((c) => c.channel === 'response.generate')).toHaveLength(autoRespond ? 1 : 0);
    }
  });

  it('asks before a new plan replaces an edited graph, and keeps it when the user says no', async () => {
    const store = createStudioStore();
    const questions: string[] = [];
    let answer = false;
    const { client, calls } = fakeClient({ 'conversation.plan': () => planResult() });
    const controller = createController(client, store, (q) => (questions.push(q), answer));
    await controller.plan('first', []);
    await controller.plan('second, before any edit', []);
    expect(questions).toHaveLength(0);
    store.getState().setArg(0, 'image', 'other.jpg');
    await controller.plan('third', []);
    expect(questions).toHaveLength(1);
    expect(calls.filter((c) => c.channel === 'conversation.plan')).toHaveLength(2);
    expect(store.getState().tasks[0].args.image).toBe('other.jpg');
    answer = true;
    await controller.plan('fourth', []);
    expect(calls.filter((c) => c.channel === 'conversation.plan')).toHaveLength(3);
  });
});
