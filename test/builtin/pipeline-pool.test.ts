// The worker's pipeline pool: one load per (task, model), shared by concurrent callers, least recently
// used idle pipelines disposed past the memory budget, a failed load forgotten so the next call retries.
import { describe, expect, it } from 'vitest';
import { PipelinePool } from '../../src-main/platform/endpoints/transformers-js/pipeline-pool';
import type { LoadedPipeline } from '../../src-main/platform/endpoints/transformers-js/task-pipelines';

function fakeLoader() {
  const loads: string[] = [];
  const disposed: string[] = [];
  const load = async (task: string, model: string): Promise<LoadedPipeline> => {
    loads.push(model);
    if (model.startsWith('broken/')) throw new Error('no such model');
    return Object.assign(async () => model, { dispose: async () => void disposed.push(model) });
  };
  return { loads, disposed, load };
}

const SIZES: Record<string, number> = { 'a/one': 400, 'b/two': 400, 'c/three': 400 };
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('PipelinePool', () => {
  it('loads a model once for concurrent and later calls', async () => {
    const { loads, load } = fakeLoader();
    const pool = new PipelinePool(1000, async (m) => SIZES[m]);
    const answers = await Promise.all([1, 2, 3].map(() => pool.with('image-classification', 'a/one', load, (pipe) => pipe())));
    expect(answers).toEqual(['a/one', 'a/one', 'a/one']);
    await pool.with('image-classification', 'a/one', load, async () => undefined);
    expect(loads).toEqual(['a/one']);
  });

  it('disposes the least recently used idle pipelines past the budget, never the one in use', async () => {
    const { loads, disposed, load } = fakeLoader();
    const pool = new PipelinePool(1000, async (m) => SIZES[m]);
    await pool.with('t', 'a/one', load, async () => undefined);
    await pool.with('t', 'b/two', load, async () => undefined);
    await pool.with('t', 'a/one', load, async () => undefined); // a is now the most recent
    let release!: () => void;
    const busy = pool.with('t', 'b/two', load, () => new Promise<void>((r) => (release = r)));
    await pool.with('t', 'c/three', load, async () => undefined);
    await settle();
    // 1200 bytes > 1000: a (idle, least recent among idle ones) goes; b is busy.
    expect(disposed).toEqual(['a/one']);
    expect(pool.loadedModels().sort()).toEqual(['b/two', 'c/three']);
    release();
    await busy;
    await pool.with('t', 'a/one', load, async () => undefined);
    await settle();
    expect(loads).toEqual(['a/one', 'b/two', 'c/three', 'a/one']);
    expect(disposed).toEqual(['a/one', 'b/two']);
  });

  it('forgets a failed load and unloads on request', async () => {
    const { loads, disposed, load } = fakeLoader();
    const pool = new PipelinePool(1000, async () => 1);
    await expect(pool.with('t', 'broken/x', load, async () => undefined)).rejects.toThrow('no such model');
    await settle();
    await expect(pool.with('t', 'broken/x', load, async () => undefined)).rejects.toThrow('no such model');
    expect(loads).toEqual(['broken/x', 'broken/x']);
    await pool.with('t', 'a/one', load, async () => undefined);
    await pool.unload('a/one');
    expect(disposed).toEqual(['a/one']);
    expect(pool.loadedModels()).toEqual([]);
  });
});
