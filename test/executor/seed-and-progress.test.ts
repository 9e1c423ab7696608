// Seeds of generative tasks, and the progress a model server reports during a call: a new random seed on every run unless the task's `seed` argument pins one;
// the seed is an input, so it reaches the model and the cache key.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { executeGraph } from '../../src-main/engine/executor/execute-graph';
import { FsResultCache } from '../../src-main/platform/fs-result-cache';
import { MAX_RANDOM_SEED, parseSeed } from '../../src-shared/seed';
import { harness, inputFor, task, type Harness } from './fakes/fixtures';
import { echoOutputs } from './fakes/scripted-runner';

let dataDir: string;
beforeEach(async () => void (dataDir = await mkdtemp(join(tmpdir(), 'hgpt-seed-'))));
afterEach(() => rm(dataDir, { recursive: true, force: true }));

/** A harness drawing real random seeds, with a cache on disk shared by its runs. */
function randomHarness(): Harness {
  const h = harness();
  delete h.deps.randomSeed;
  h.deps.cache = new FsResultCache(dataDir);
  return h;
}

const seedsSent = (h: Harness): string[] => h.runner.calls.map((c) => (c.inputs.seed?.modality === 'text' ? c.inputs.seed.text : 'none'));

describe('seeds', () => {
  it('draws a new seed on every run of an unpinned generative task, so "run again" makes a new image', async () => {
    const h = randomHarness();
    const tasks = [task(0, 'text-to-image', { text: 'a heron' })];
    await executeGraph(inputFor(h, tasks)).done;
    const again = await executeGraph(inputFor(h, tasks)).done;
    expect(again.results[0].status).toBe('succeeded');
    const [first, second] = seedsSent(h).map(Number);
    expect(h.runner.calls).toHaveLength(2);
    expect(first).not.toBe(second);
    for (const seed of [first, second]) expect(Number.isInteger(seed) && seed >= 0 && seed <= MAX_RANDOM_SEED).toBe(true);
    expect(h.events.filter((e) => e.type === 'node-log').map((e) => (e as { message: string }).message)).toContain(
      `seed ${first} (random for this run; write it in the seed argument to make the same result again)`,
    );
  });

  it('reproduces a pinned seed: sent as given, and the second run comes from the cache', async () => {
    const h = randomHarness();
    const tasks = [task(0, 'text-to-image', { text: 'a heron', seed: ' 42 ' })];
    await executeGraph(inputFor(h, tasks)).done;
    const again = await executeGraph(inputFor(h, tasks)).done;
    expect(seedsSent(h)).toEqual(['42']);
    expect(again.results[0].status).toBe('cached');
    expect(h.events.some((e) => e.type === 'node-log' && e.message.startsWith('seed '))).toBe(false);
  });

  it('refuses a seed that is not a whole number, before calling the model', async () => {
    const h = randomHarness();
    const refused = await executeGraph(inputFor(h, [task(0, 'text-to-image', { text: 'x', seed: 'forty-two' })])).done;
    expect(refused.results[0]).toMatchObject({ status: 'invalid', error: { kind: 'invalid-input', message: expect.stringContaining('argument "seed" must be a whole number') } });
    expect(h.runner.calls).toHaveLength(0);
  });

  it('gives no seed to tasks that do not generate', async () => {
    const h = randomHarness();
    await executeGraph(inputFor(h, [task(0, 'summarization', { text: 'long' })])).done;
    expect(seedsSent(h)).toEqual(['none']);
  });

  it('shows the progress a server reports as the node\'s progress', async () => {
    const h = harness();
    h.runner.script('m/text-to-image-0', (call) => {
      call.onProgress?.({ message: 'ComfyUI: step 10 of 20', fraction: 0.5 });
      return echoOutputs(call);
    });
    await executeGraph(inputFor(h, [task(0, 'text-to-image', { text: 'a heron' })])).done;
    expect(h.events.filter((e) => e.type === 'node-progress')).toEqual([expect.objectContaining({ taskId: 0, message: 'ComfyUI: step 10 of 20', fraction: 0.5 })]);
  });

  it('reads seeds up to the largest exact integer', () => {
    expect(parseSeed('9007199254740991')).toEqual({ ok: true, seed: 9007199254740991 });
    expect(parseSeed('9007199254740992').ok).toBe(false);
    expect(parseSeed('-1').ok).toBe(false);
    expect(parseSeed('1e5').ok).toBe(false);
  });
});
