// The result cache: unchanged nodes are not run again, across runs and restarts; `from` re-runs one node
// and what depends on it; `force` bypasses the cache.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { executeGraph } from '../../src-main/engine/executor/execute-graph';
import type { NodeResult } from '../../src-main/engine/executor/types';
import { FsResultCache } from '../../src-main/platform/fs-result-cache';
import { harness, inputFor, task, trace, type Harness } from './fakes/fixtures';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'hgpt-cache-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const chain = (caption = 'a cat') => [
  task(0, 'text-to-image', { text: caption }),
  task(1, 'image-to-text', { image: '<resource>-0' }),
  task(2, 'text-to-speech', { text: '<resource>-1' }),
  task(3, 'text-to-image', { text: 'independent' }),
];

/** A harness whose cache is a fresh FsResultCache instance on the shared data folder (a restart). */
function restarted(): Harness {
  const h = harness();
  h.deps.cache = new FsResultCache(dataDir);
  return h;
}

describe('result cache', () => {
  it('reuses unchanged nodes across runs and a new cache instance', async () => {
    const h1 = restarted();
    const first = await executeGraph(inputFor(h1, chain())).done;
    expect(h1.runner.calls).toHaveLength(4);
    const files = await readdir(join(dataDir, 'cache'));
    expect(files.filter((f) => /^[0-9a-f]{64}\.json$/.test(f))).toHaveLength(4);

    const h2 = restarted();
    h2.store.files = h1.store.files;
    const second = await executeGraph(inputFor(h2, chain())).done;
    expect(h2.runner.calls).toHaveLength(0);
    expect(trace(h2.events).filter((t) => t.startsWith('node-cached')).sort()).toEqual(['node-cached:0', 'node-cached:1', 'node-cached:2', 'node-cached:3']);
    for (const id of [0, 1, 2, 3]) {
      expect(second.results[id]).toMatchObject({ status: 'cached', outputs: first.results[id].outputs, cacheKey: first.results[id].cacheKey, model: first.results[id].model, endpoint: 'huggingface' });
    }
    expect(second.summary).toMatchObject({ status: 'succeeded', counts: { cached: 4 } });
  });

  it('runs again what changed and what its changed outputs flow into, nothing else', async () => {
    const h1 = restarted();
    await executeGraph(inputFor(h1, chain('a cat'))).done;
    const h2 = restarted();
    h2.store.files = h1.store.files;
    const second = await executeGraph(inputFor(h2, chain('a dog'))).done;
    expect(h2.runner.models).toEqual(['m/text-to-image-0', 'm/image-to-text-1', 'm/text-to-speech-2']);
    expect(second.results[3].status).toBe('cached');
  });

  it('re-runs a node whose model changed', async () => {
    const h1 = restarted();
    await executeGraph(inputFor(h1, [task(0, 'text-to-image', { text: 'x' })])).done;
    const h2 = restarted();
    const input = inputFor(h2, [task(0, 'text-to-image', { text: 'x' })]);
    input.selections[0] = { ...input.selections[0], model: 'other/model' };
    await executeGraph(input).done;
    expect(h2.runner.models).toEqual(['other/model']);
  });

  it('bypasses the cache with force: everything, or the listed tasks', async () => {
    const h1 = restarted();
    await executeGraph(inputFor(h1, chain())).done;
    const h2 = restarted();
    h2.store.files = h1.store.files;
    await executeGraph(inputFor(h2, chain(), { force: true })).done;
    expect(h2.runner.calls).toHaveLength(4);
    const h3 = restarted();
    h3.store.files = h1.store.files;
    const third = await executeGraph(inputFor(h3, chain(), { force: [3] })).done;
    expect(h3.runner.models).toEqual(['m/text-to-image-3']);
    expect(third.results[3].status).toBe('succeeded');
  });

  it('re-runs only the `from` node and its dependents, reusing the earlier results for the others', async () => {
    const h1 = harness();
    const first = await executeGraph(inputFor(h1, chain())).done;
    const h2 = harness();
    h2.store.files = h1.store.files;
    h2.deps.cache = new FsResultCache(dataDir);
    const second = await executeGraph(inputFor(h2, chain(), { from: [1], previousResults: first.results })).done;
    expect(h2.runner.models).toEqual(['m/image-to-text-1', 'm/text-to-speech-2']);
    expect(second.results[0]).toMatchObject({ status: 'cached', outputs: first.results[0].outputs });
    expect(second.results[3]).toMatchObject({ status: 'cached', outputs: first.results[3].outputs });
    expect(second.results[1].status).toBe('succeeded');
    expect(second.results[2].status).toBe('succeeded');
    expect(trace(h2.events).slice(0, 5)).toEqual(['run-started', 'node-cached:0', 'node-queued:1', 'node-queued:2', 'node-cached:3']);
  });

  it('re-runs a previously failed node with `from`, and replays the earlier failure of a node outside it', async () => {
    const previous: Record<number, NodeResult> = {
      0: { status: 'failed', outputs: [], attempts: [], error: { kind: 'timeout', message: 'slow', retriable: true } },
      1: { status: 'skipped', outputs: [], attempts: [], reason: 'upstream task 0 failed' },
      2: { status: 'skipped', outputs: [], attempts: [], reason: 'upstream task 0 failed' },
      3: { status: 'failed', outputs: [], attempts: [], error: { kind: 'http', message: 'HTTP 500', retriable: false } },
    };
    const h = harness();
    const { results } = await executeGraph(inputFor(h, chain(), { from: [0], previousResults: previous })).done;
    expect(h.runner.models).toEqual(['m/text-to-image-0', 'm/image-to-text-1', 'm/text-to-speech-2']);
    expect(results[3]).toMatchObject({ status: 'failed', error: { kind: 'http' } });
  });

  it('keeps a corrupt cache entry aside, reports it and runs the node', async () => {
    const problems: string[] = [];
    const h1 = restarted();
    const first = await executeGraph(inputFor(h1, [task(0, 'text-to-image', { text: 'x' })])).done;
    const file = join(dataDir, 'cache', `${first.results[0].cacheKey}.json`);
    await writeFile(file, '{"outputs": [');
    const h2 = harness();
    h2.deps.cache = new FsResultCache(dataDir, (m) => problems.push(m));
    const second = await executeGraph(inputFor(h2, [task(0, 'text-to-image', { text: 'x' })])).done;
    expect(second.results[0].status).toBe('succeeded');
    expect(problems).toHaveLength(1);
    const [aside] = (await readdir(join(dataDir, 'cache'))).filter((name) => name.startsWith(`${first.results[0].cacheKey}.json.corrupt-`));
    expect(await readFile(join(dataDir, 'cache', aside), 'utf8')).toBe('{"outputs": [');
    expect(JSON.parse(await readFile(file, 'utf8')).model).toBe('m/text-to-image-0');
  });
});
