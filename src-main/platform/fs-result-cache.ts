// The result cache on disk: one JSON file per key under <dataDir>/cache/, written atomically.
import { keepAside } from './atomic-file';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CachedResult, ResultCache } from '../engine/executor/types';
import { writeFileAtomic } from './atomic-file';

const KEY_PATTERN = /^[0-9a-f]{64}$/;

/** A ResultCache in `<dataDir>/cache/`; a corrupt entry is moved aside (`.corrupt`) and reported. */
export class FsResultCache implements ResultCache {
  readonly folder: string;

  constructor(
    dataDir: string,
    private readonly onProblem: (message: string) => void = () => undefined,
  ) {
    this.folder = join(dataDir, 'cache');
  }

  private fileOf(key: string): string {
    if (!KEY_PATTERN.test(key)) throw new Error(`invalid cache key "${key}"`);
    return join(this.folder, `${key}.json`);
  }

  async get(key: string): Promise<CachedResult | undefined> {
    const file = this.fileOf(key);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    try {
      const value = JSON.parse(text) as CachedResult;
      if (Array.isArray(value.outputs) && typeof value.model === 'string' && typeof value.endpoint === 'string') return value;
      throw new Error('missing fields');
    } catch (error) {
      const aside = await keepAside(file).catch(() => `${file} (could not be moved)`);
      this.onProblem(`cache entry ${file} was unreadable (${(error as Error).message}); kept aside as ${aside}`);
      return undefined;
    }
  }

  async set(key: string, value: CachedResult): Promise<void> {
    await writeFileAtomic(this.fileOf(key), JSON.stringify(value));
  }
}
