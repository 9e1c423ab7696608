import { describe, expect, it } from 'vitest';
import { createController } from '../../src-renderer/app/controller';
import { ClientError } from '../../src-renderer/api/transport';
import { createStudioStore } from '../../src-renderer/store/studio-store';
import { fakeClient } from './fake-client';
import { planResult } from './fixtures';

describe('the controller', () => {
  it('plans with streamed tasks, then selects a model for a hand-added task before running', async () => {
    const store = createStudioStore();
    let deltaSeen = 0;
    const { client, calls } = fakeClient({
      'conversation.plan': async (_req, emit) => {
        emit('plan.delta', { requestId: 'r1', tasks: planResult().plan.tasks.slice(0, 1) });
        emit('plan.delta', { requestId: 'r1', tasks: planResult().plan.tasks.slice(0, 2) });
        // Deltas are applied once per animation frame (a timer outside a browser), the latest one only.
        await new Promise((r) => setTimeout(r, 40));
        deltaSeen = store.getState().tasks.length;
        return planResult();
      },
      'conversation.select': () => ({ selections: { 4: { taskId: 4, model: 'sd', endpoint: 'huggingface', reason: 'only one', method: 'only-candidate' } }, usage: { llmCalls: 0, promptTokens: 0, completionTokens: 0 } }),
      'run.start': (_req, emit) => {
        emit('run.event', { runId: 'run-9', seq: 1, at: 1, type: 'run-started', taskIds: [0, 1, 2, 3, 4] });
        return { runId: 'run-9' };
      },
    });
    const controller = createController(client, store);
    await controller.plan('detect and speak', []);
    expect(deltaSeen).toBe(2);
    expect(store.getState().tasks).toHaveLength(4);
    const added = store.getState().addTask('text-to-image');
    store.getState().setArg(added, 'text', 'a cat on a sofa');
    await controller.run();
    expect(calls.map((c) => c.channel)).toEqual(['conversation.plan', 'conversation.select', 'run.start']);
    expect(calls[1].req).toMatchObject({ conversationId: 'c1' });
    expect(calls[2].req.selections[4].model).toBe('sd');
    expect(store.getState().run.activeRunId).toBe('run-9');
    expect(store.getState().runs[4].status).toBe('queued');
  });

  it('shows a failed call as an error message and leaves the studio usable', async () => {
    const store = createStudioStore();
    const { client } = fakeClient({
      'conversation.plan': () => {
        throw new ClientError('The LLM server refused the API key.', 'auth');
      },
    });
    await createController(client, store).plan('hello', []);
    expect(store.getState().planning).toBe(false);
    expect(store.getState().chat.at(-1)).toMatchObject({ role: 'error', text: 'Planning failed: The LLM server refused the API key.' });
    expect(store.getState().notice?.tone).toBe('error');
  });

  it('keeps every streamed task on the canvas when planning fails before the next frame', async () => {
    const store = createStudioStore();
    const { client } = fakeClient({
      'conversation.plan': (_req, emit) => {
        emit('plan.delta', { requestId: 'r1', tasks: planResult().plan.tasks.slice(0, 3) });
        emit('plan.delta', { requestId: 'r1', tasks: planResult().plan.tasks });
        throw new ClientError('the plan has 31 tasks; at most 30 are allowed (nothing was run)', 'plan-too-large');
      },
    });
    await createController(client, store).plan('too much', []);
    expect(store.getState().tasks).toHaveLength(4);
    expect(store.getState().planning).toBe(false);
    expect(store.getState().chat.at(-1)).toMatchObject({ role: 'error' });
  });

  it('streams response deltas into the chat and cancels the active run', async () => {
    const store = createStudioStore();
    const { client, calls } = fakeClient({
      'conversation.plan': () => planResult(),
      'run.start': () => ({ runId: 'run-1' }),
      'run.cancel': () => undefined,
      'response.generate': (_req, emit) => {
        emit('response.delta', { requestId: 'resp', text: 'Partial' });
        expect(store.getState().chat.at(-1)).toMatchObject({ text: 'Partial', streaming: true });
        return { requestId: 'resp', text: 'Partial and complete.', usage: { llmCalls: 1, promptTokens: 1, completionTokens: 1 } };
      },
    });
    const controller = createController(client, store);
    await controller.plan('x', []);
    await controller.run();
    await controller.cancel();
    expect(calls.at(-1)).toMatchObject({ channel: 'run.cancel', req: { runId: 'run-1' } });
    await controller.generateResponse();
    expect(calls.at(-1)).toMatchObject({ channel: 'response.generate', req: { conversationId: 'c1', runId: 'run-1' } });
    expect(store.getState().chat.at(-1)).toMatchObject({ text: 'Partial and complete.', streaming: false });
  });
});
