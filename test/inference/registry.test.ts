// Every runnable task type of src-shared/tasks.ts has exactly one invoker, and nothing else does.
import { describe, expect, it } from 'vitest';
import { TASK_TYPES } from '../../src-shared/tasks';
import { TASK_INVOKERS } from '../../src-main/platform/inference/registry';

describe('invoker registry', () => {
  it('covers every inference and local-only task type', () => {
    const runnable = TASK_TYPES.filter((t) => t.runtime === 'inference' || t.runtime === 'local-only').map((t) => t.type);
    expect(runnable.filter((type) => !TASK_INVOKERS.has(type))).toEqual([]);
    expect([...TASK_INVOKERS.keys()].sort()).toEqual([...runnable].sort());
  });

  it('keys each invoker by its own type', () => {
    for (const [type, invoker] of TASK_INVOKERS) expect(invoker.type).toBe(type);
  });
});
