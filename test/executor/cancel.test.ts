// Cancellation of a whole run and of one node: the signal reaches the runner's call.
import { describe, expect, it } from 'vitest';
import { executeGraph } from '../../src-main/engine/executor/execute-graph';
import { InferenceError } from '../../src-main/engine/inference';
import { eventsOf, harness, inputFor, task } from './fakes/fixtures';
import { waitForAbort } from './fakes/scripted-runner';

const until = async (condition: () => boolean) => {
  while (!condition()) await new Promise((r) => setImmediate(r));
};

describe('cancellation', () => {
  it('cancels a whole run: the running call is aborted, queued nodes are cancelled', async () => {
    const h = harness();
    h.runner.script('m/text-to-image-0', waitForAbort);
    const tasks = [task(0, 'text-to-image', { text: 'a' }), task(1, 'image-to-text', { image: '<resource>-0' }), task(2, 'text-to-speech', { text: '<resource>-1' })];
    const run = executeGraph(inputFor(h, tasks));
    await until(() => h.runner.calls.length === 1);
    run.cancel();
    const { results, summary } = await run.done;
    expect(h.runner.calls[0].signal.aborted).toBe(true);
    expect(results[0]).toMatchObject({ status: 'cancelled', error: { kind: 'cancelled' } });
    expect(results[1].status).toBe('cancelled');
    expect(results[2].status).toBe('cancelled');
    expect(summary).toMatchObject({ status: 'cancelled', counts: { cancelled: 3 } });
    expect(h.runner.calls).toHaveLength(1);
    expect(eventsOf(h.events, 0)).toEqual(['node-queued', 'node-log', 'node-started', 'node-cancelled']); // node-log: the seed
    expect(h.events.at(-1)).toMatchObject({ type: 'run-finished', summary: { status: 'cancelled' } });
  });

  it('cancels one node: its call is aborted, its dependents are skipped, the rest goes on', async () => {
    const h = harness();
    h.runner.script('m/text-to-image-0', waitForAbort);
    const tasks = [
      task(0, 'text-to-image', { text: 'a' }),
      task(1, 'image-to-text', { image: '<resource>-0' }),
      task(2, 'text-to-image', { text: 'b' }),
      task(3, 'image-to-text', { image: '<resource>-2' }),
    ];
    const run = executeGraph(inputFor(h, tasks));
    await until(() => h.runner.calls.some((c) => c.model === 'm/text-to-image-0'));
    run.cancel(0);
    const { results, summary } = await run.done;
    const call = h.runner.calls.find((c) => c.model === 'm/text-to-image-0')!;
    expect(call.signal.aborted).toBe(true);
    expect(results[0].status).toBe('cancelled');
    expect(results[1]).toMatchObject({ status: 'skipped', reason: 'upstream task 0 was cancelled' });
    expect(results[2].status).toBe('succeeded');
    expect(results[3].status).toBe('succeeded');
    expect(summary.status).toBe('cancelled');
  });

  it('cancels a node still waiting for its dependencies without calling it', async () => {
    const h = harness();
    const tasks = [task(0, 'text-to-image', { text: 'a' }), task(1, 'image-to-text', { image: '<resource>-0' })];
    const run = executeGraph(inputFor(h, tasks));
    await until(() => h.runner.calls.length === 1);
    run.cancel(1);
    run.cancel(1);
    const { results } = await run.done;
    expect(results[0].status).toBe('succeeded');
    expect(results[1].status).toBe('cancelled');
    expect(h.runner.models).toEqual(['m/text-to-image-0']);
    expect(eventsOf(h.events, 1)).toEqual(['node-queued', 'node-cancelled']);
  });

  it('stops a retry wait when the run is cancelled', async () => {
    const h = harness();
    h.runner.script('m/text-to-image-0', () => {
      throw new InferenceError('loading', 'loading', { estimatedTimeMs: 30_000 });
    });
    const handle: { run?: ReturnType<typeof executeGraph> } = {};
    const sleep = (_ms: number, signal: AbortSignal) =>
      new Promise<void>((resolve) => {
        signal.addEventListener('abort', () => resolve(), { once: true });
        handle.run!.cancel();
      });
    const run = (handle.run = executeGraph(inputFor(h, [task(0, 'text-to-image', { text: 'a' })], { deps: { ...h.deps, sleep } })));
    const { results } = await run.done;
    expect(results[0].status).toBe('cancelled');
    expect(h.runner.calls).toHaveLength(1);
  });

  it('cancels before the run has started', async () => {
    const h = harness();
    const run = executeGraph(inputFor(h, [task(0, 'text-to-image', { text: 'a' })]));
    run.cancel();
    const { results } = await run.done;
    expect(results[0].status).toBe('cancelled');
    expect(h.runner.calls).toHaveLength(0);
  });

  it('cancels a node waiting for a free slot: it never reaches the runner', async () => {
    const h = harness();
    h.runner.script('m/text-to-image-0', waitForAbort);
    const tasks = [task(0, 'text-to-image', { text: 'a' }), task(1, 'text-to-image', { text: 'b' })];
    const run = executeGraph(inputFor(h, tasks, { execution: { maxParallel: 1 } }));
    await until(() => h.runner.calls.length === 1);
    run.cancel(1);
    await until(() => h.events.some((e) => e.type === 'node-cancelled'));
    run.cancel(0);
    const { results } = await run.done;
    expect(results[0].status).toBe('cancelled');
    expect(results[1].status).toBe('cancelled');
    expect(h.runner.models).toEqual(['m/text-to-image-0']);
    expect(eventsOf(h.events, 1)).toEqual(['node-queued', 'node-log', 'node-cancelled']); // node-log: the seed
  });
});
