import { describe, expect, it } from 'vitest';
import { pasteTasks } from '../../src-renderer/store/graph-edits';
import { createStudioStore } from '../../src-renderer/store/studio-store';
import { detectCaptionSpeak, planResult } from './fixtures';

describe('copy and paste of tasks', () => {
  it('re-points references between copied tasks at the copies and keeps references to the rest', () => {
    const tasks = detectCaptionSpeak();
    const copied = tasks.filter((t) => t.id === 1 || t.id === 2);
    const { tasks: after, idMap } = pasteTasks(tasks, copied);
    const [a, b] = [idMap.get(1)!, idMap.get(2)!];
    expect([a, b]).toEqual([tasks.length, tasks.length + 1]);
    const copyOfTask1 = after.find((t) => t.id === a)!;
    const copyOfTask2 = after.find((t) => t.id === b)!;
    // Task 1 used task 0, which was not copied: its copy still uses task 0.
    expect(copyOfTask1.args).toEqual({ image: '<resource>-0' });
    expect(copyOfTask1.dep).toEqual([0]);
    // Task 2 used task 1: its copy uses task 1's copy.
    expect(copyOfTask2.args).toEqual({ text: `<resource>-${a}` });
    expect(copyOfTask2.dep).toEqual([a]);
    expect(after.slice(0, tasks.length)).toEqual(tasks);
  });

  it('pastes with the model choices, marks the copies changed, and undoes in one step', () => {
    const store = createStudioStore();
    store.getState().planRequested('detect, caption and speak', []);
    store.getState().planReceived(planResult());
    const s = store.getState();
    const ids = s.pasteTasks([s.tasks[0]], s.selections);
    const after = store.getState();
    expect(after.tasks).toHaveLength(s.tasks.length + 1);
    expect(after.selections[ids[0]]).toMatchObject({ model: s.selections[s.tasks[0].id].model, taskId: ids[0] });
    expect(after.changed).toContain(ids[0]);
    expect(after.selectedTaskId).toBe(ids[0]);
    after.undo();
    expect(store.getState().tasks).toHaveLength(s.tasks.length);
  });
});
