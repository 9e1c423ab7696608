// The worker's loaded pipelines: one per (task, model), loaded once and reused; past a memory budget (the
// models' size on disk, a stand-in for their size in memory) the least recently used idle ones are disposed.
import type { LoadedPipeline } from './task-pipelines';

interface Loaded {
  pipe: Promise<LoadedPipeline>;
  bytes: number;
  lastUsed: number;
  busy: number;
}

/** Loads one pipeline. */
export type PipelineLoader = (pipelineTask: string, model: string) => Promise<LoadedPipeline>;

/** The pool. */
export class PipelinePool {
  private readonly loaded = new Map<string, Loaded>();
  private clock = 0;

  constructor(private readonly budgetBytes: number, private readonly measure: (model: string) => Promise<number>) {}

  /** Runs `use` with the pipeline for (task, model), loading it first when needed. */
  async with<T>(pipelineTask: string, model: string, load: PipelineLoader, use: (pipe: LoadedPipeline) => Promise<T>): Promise<T> {
    const key = `${pipelineTask}\u0000${model}`;
    let entry = this.loaded.get(key);
    if (!entry) {
      entry = { pipe: load(pipelineTask, model), bytes: 0, lastUsed: 0, busy: 0 };
      this.loaded.set(key, entry);
      const mine = entry;
      mine.pipe.then(
        async () => { mine.bytes = await this.measure(model); await this.evict(key); },
        () => { if (this.loaded.get(key) === mine) this.loaded.delete(key); },
      );
    }
    entry.busy += 1;
    entry.lastUsed = ++this.clock;
    try {
      return await use(await entry.pipe);
    } finally {
      entry.busy -= 1;
    }
  }

  /** Disposes every pipeline of `model` that is not running. */
  async unload(model: string): Promise<void> {
    for (const [key, entry] of this.loaded) if (key.endsWith(`\u0000${model}`) && entry.busy === 0) await this.dispose(key, entry);
  }

  /** Models loaded now, most recently used first (for tests and the benchmark). */
  loadedModels(): string[] {
    return [...this.loaded.entries()].sort((a, b) => b[1].lastUsed - a[1].lastUsed).map(([key]) => key.split('\u0000')[1]);
  }

  private async evict(keep: string): Promise<void> {
    const total = () => [...this.loaded.values()].reduce((sum, e) => sum + e.bytes, 0);
    const idle = [...this.loaded.entries()].filter(([key, e]) => key !== keep && e.busy === 0).sort((a, b) => a[1].lastUsed - b[1].lastUsed);
    for (const [key, entry] of idle) {
      if (total() <= this.budgetBytes) break;
      await this.dispose(key, entry);
    }
  }

  private async dispose(key: string, entry: Loaded): Promise<void> {
    this.loaded.delete(key);
    const pipe = await entry.pipe.catch(() => undefined);
    await pipe?.dispose?.();
  }
}
