import { describe, expect, it } from 'vitest';
import { connectTasks, dependentsOf, disconnect, edgesOf, newTask, removeTasks, setArgument } from '../../src-renderer/store/graph-edits';
import { detectCaptionSpeak } from './fixtures';

const byId = (tasks: { id: number }[], id: number) => tasks.find((t) => t.id === id) as ReturnType<typeof detectCaptionSpeak>[number];

describe('graph edits keep dep and <resource>-N arguments together', () => {
  it('derives typed edges from argument references', () => {
    const edges = edgesOf(detectCaptionSpeak());
    expect(edges.map((e) => [e.id, e.sourcePort, e.modality])).toEqual([
      ['0->1:image', 'image', 'image'],
      ['1->2:text', 'text', 'text'],
    ]);
  });

  it('rewiring an input replaces the reference and recomputes dep', () => {
    const r = connectTasks(detectCaptionSpeak(), { source: 3, target: 2, targetPort: 'text' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(byId(r.tasks, 2)).toMatchObject({ dep: [3], args: { text: '<resource>-3' } });
    expect(r.affected).toEqual([2]);
  });

  it('refuses a connection between incompatible modalities with a readable message', () => {
    const r = connectTasks(detectCaptionSpeak(), { source: 2, target: 3, targetPort: 'image' });
    expect(r).toEqual({ ok: false, message: expect.stringMatching(/produces audio.*needs image/) });
  });

  it('refuses a cycle and a self-loop', () => {
    const cycle = connectTasks(detectCaptionSpeak(), { source: 1, target: 0, targetPort: 'image', sourcePort: 'text' });
    expect(cycle.ok).toBe(false);
    const tasks = [...detectCaptionSpeak(), { id: 4, task: 'image-to-image', dep: [0], args: { image: '<resource>-0' } }];
    expect(connectTasks(tasks, { source: 4, target: 0, targetPort: 'image' })).toMatchObject({ ok: false, message: expect.stringMatching(/cycle/) });
    expect(connectTasks(tasks, { source: 4, target: 4, targetPort: 'image' }).ok).toBe(false);
  });

  it('removing an edge empties the argument and drops the dep', () => {
    const r = disconnect(detectCaptionSpeak(), { source: 0, target: 1, targetPort: 'image' });
    if (!r.ok) throw new Error(r.message);
    expect(byId(r.tasks, 1)).toMatchObject({ dep: [-1], args: { image: '' } });
  });

  it('deleting a task strips references to it from its users', () => {
    const r = removeTasks(detectCaptionSpeak(), [1]);
    if (!r.ok) throw new Error(r.message);
    expect(r.tasks.map((t) => t.id)).toEqual([0, 2, 3]);
    expect(byId(r.tasks, 2)).toMatchObject({ dep: [-1], args: { text: '' } });
    expect(r.affected).toEqual([2]);
  });

  it('keeps bare deps that no argument names', () => {
    const tasks = [{ id: 0, task: 'text-generation', dep: [-1], args: { text: 'hi' } }, { id: 1, task: 'summarization', dep: [0], args: { text: 'a literal' } }];
    expect(edgesOf(tasks).map((e) => e.id)).toEqual(['0->1']);
    const r = setArgument(tasks, 1, 'text', 'other literal');
    if (!r.ok) throw new Error(r.message);
    expect(byId(r.tasks, 1).dep).toEqual([0]);
  });

  it('editing an argument to reference another task adds the dep; bad references are refused', () => {
    const r = setArgument(detectCaptionSpeak(), 3, 'image', '<resource>-0');
    if (!r.ok) throw new Error(r.message);
    expect(byId(r.tasks, 3).dep).toEqual([0]);
    expect(setArgument(detectCaptionSpeak(), 0, 'image', '<resource>-2').ok).toBe(false);
    expect(setArgument(detectCaptionSpeak(), 0, 'image', '<resource>-9').ok).toBe(false);
  });

  it('finds dependents transitively and gives new tasks the next id with empty required inputs', () => {
    expect(dependentsOf(detectCaptionSpeak(), [0])).toEqual([1, 2]);
    expect(newTask(detectCaptionSpeak(), 'vqa')).toEqual({ id: 4, task: 'visual-question-answering', dep: [-1], args: { image: '', text: '' } });
  });
});
