import { describe, expect, it } from 'vitest';
import { layoutTasks } from '../../src-renderer/store/layout';
import { createProjector, projectEdges } from '../../src-renderer/store/projection';
import { createStudioStore } from '../../src-renderer/store/studio-store';
import { detectCaptionSpeak, planResult } from './fixtures';

describe('layout and projection', () => {
  it('lays the graph out left to right along its dependencies', async () => {
    const pos = await layoutTasks(detectCaptionSpeak(), {});
    expect(pos[0].x).toBeLessThan(pos[1].x);
    expect(pos[1].x).toBeLessThan(pos[2].x);
    expect(Object.keys(pos)).toHaveLength(4);
  });

  it('projects labelled task nodes and typed edges, reusing unchanged nodes', () => {
    const store = createStudioStore();
    store.getState().planRequested('x', []);
    store.getState().planReceived(planResult());
    const project = createProjector();
    const first = project(store.getState());
    expect(first.map((n) => n.ariaLabel)).toEqual(['Task 0: object-detection', 'Task 1: image-to-text', 'Task 2: text-to-speech', 'Task 3: image-classification']);
    expect(first[0].data.run.status).toBe('pending');
    expect(projectEdges(store.getState()).map((e) => [e.sourceHandle, e.targetHandle, e.className])).toEqual([
      ['out:image', 'in:image', 'edge-image'],
      ['out:text', 'in:text', 'edge-text'],
    ]);
    store.getState().setArg(2, 'text', 'hello');
    const second = project(store.getState());
    expect(second[0]).toBe(first[0]);
    expect(second[2]).not.toBe(first[2]);
    expect(second[2].data.changed).toBe(true);
    expect(projectEdges(store.getState())).toHaveLength(1);
  });
});
