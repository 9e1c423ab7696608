// The store as a saved session and back: a reload shows the same conversation, graph, layout, selection and results.
import { describe, expect, it } from 'vitest';
import { StudioSessionSchema } from '../../src-shared/session';
import { restoredState, sessionOf } from '../../src-renderer/store/session-snapshot';
import { createStudioStore } from '../../src-renderer/store/studio-store';
import { planResult } from './fixtures';

function editedStudio() {
  const store = createStudioStore();
  store.getState().planRequested('detect and speak', []);
  store.getState().planReceived(planResult());
  store.getState().setPositions({ 0: { x: 1, y: 2 }, 1: { x: 300, y: 2 }, 2: { x: 600, y: 2 }, 3: { x: 1, y: 400 } });
  store.getState().selectTasks([1, 2], 2);
  store.getState().setArg(3, 'image', 'other.jpg');
  store.getState().runStarting();
  store.getState().runStarted('run-1');
  store.getState().runEvent({ runId: 'run-1', seq: 1, at: 1, type: 'run-started', taskIds: [0, 1] });
  store.getState().runEvent({ runId: 'run-1', seq: 2, at: 2, type: 'node-succeeded', taskId: 0, outputs: [{ port: 'text', modality: 'text', text: 'a cat' }], durationMs: 5, model: 'm', endpoint: 'huggingface' });
  return store;
}

describe('the session snapshot', () => {
  it('restores conversation, graph, layout, selection and results from what was saved (through JSON and the schema)', () => {
    const before = editedStudio().getState();
    const saved = StudioSessionSchema.parse(JSON.parse(JSON.stringify(sessionOf(before, 1000))));
    const after = createStudioStore(restoredState(saved as never)).getState();
    expect(after.chat).toEqual(before.chat);
    expect(after.tasks).toEqual(before.tasks);
    expect(after.selections).toEqual(before.selections);
    expect(after.layout.positions).toEqual(before.layout.positions);
    expect(after.selectedTaskIds).toEqual([1, 2]);
    expect(after.conversationId).toBe('c1');
    expect(after.run.lastRunId).toBe('run-1');
    expect(after.runs[0]).toMatchObject({ status: 'succeeded', outputs: [{ text: 'a cat' }] });
    // A node still queued when the window closed did not finish.
    expect(after.runs[1].status).toBe('cancelled');
    // The graph was edited before the reload: a new plan still asks before replacing it.
    expect(after.edited).toBe(true);
    expect(after.past).toEqual([]);
  });
});
