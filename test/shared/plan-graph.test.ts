// The plan graph every side walks: deps, downstream, upstream, run order and cycles.
import { describe, expect, it } from 'vitest';
import { downstreamOf, findCycles, planGraph, topologicalOrder, upstreamOf } from '../../src-shared/plan-graph';

const t = (id: number, ...dep: number[]) => ({ id, dep: dep.length ? dep : [-1] });

describe('plan graph', () => {
  const diamond = planGraph([t(0), t(1, 0), t(2, 0), t(3, 1, 2), t(4)]);

  it('finds what lies downstream and upstream of a task', () => {
    expect([...downstreamOf(diamond, [1])].sort()).toEqual([1, 3]);
    expect([...downstreamOf(diamond, [0])].sort()).toEqual([0, 1, 2, 3]);
    expect([...upstreamOf(diamond, 3)].sort()).toEqual([0, 1, 2, 3]);
    expect([...upstreamOf(diamond, 4)]).toEqual([4]);
  });

  it('orders dependencies first, keeping plan order among ready tasks', () => {
    expect(topologicalOrder(diamond)).toEqual({ order: [0, 1, 2, 3, 4], blocked: [] });
  });

  it('blocks tasks on a cycle and those waiting for one, and names each cycle once', () => {
    const graph = planGraph([t(0), t(1, 2), t(2, 1), t(3, 2), t(4, 4), t(5, 9)]);
    expect(topologicalOrder(graph)).toEqual({ order: [0, 4, 5], blocked: [1, 2, 3] });
    expect(findCycles(graph)).toEqual([[1, 2, 1]]);
  });
});
