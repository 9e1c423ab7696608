// Atomic file writes: write a temporary file next to the target, flush it, then rename it over the target.
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { mkdir, open, readdir, rename, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';

const tempPathFor = (path: string): string => `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
const TEMP_NAME = /\.(\d+)\.[0-9a-f]{8}\.tmp$/;

/** True while process `pid` exists (on this machine). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Deletes the temporary files of atomic writes in `folder` whose writing process is gone (left by a crash or a full disk). */
export async function removeStaleTempFiles(folder: string): Promise<string[]> {
  const names = await readdir(folder).catch(() => [] as string[]);
  const stale = names.filter((name) => {
    const pid = TEMP_NAME.exec(name)?.[1];
    return pid !== undefined && !processAlive(Number(pid));
  });
  await Promise.all(stale.map((name) => unlink(join(folder, name)).catch(() => undefined)));
  return stale;
}

/** Writes `data` to `path` so that readers see the old or the new content, never a partial file. */
export async function writeFileAtomic(path: string, data: string | Uint8Array, options: { mode?: number } = {}): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = tempPathFor(path);
  try {
    const handle = await open(temp, 'w', options.mode);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

/** The synchronous twin of writeFileAtomic, for small files written where nothing may be awaited. */
export function writeFileAtomicSync(path: string, data: string | Uint8Array, options: { mode?: number } = {}): void {
  mkdirSync(dirname(path), { recursive: true });
  const temp = tempPathFor(path);
  try {
    const fd = openSync(temp, 'w', options.mode);
    try {
      writeFileSync(fd, data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
  } catch (error) {
    try {
      unlinkSync(temp);
    } catch {
      // the temporary file was never created
    }
    throw error;
  }
}

/** The name an unreadable file is kept under: `<path>.corrupt-<time>` (never overwriting an earlier one). */
const asideName = (path: string, now: Date): string => `${path}.corrupt-${now.toISOString().replace(/[:.]/g, '-')}`;

/**
 * Moves an unreadable file aside so that nothing is lost, returning its new path (one naming for every file
 * the app keeps: settings, secrets, session, catalog cache, cache entries).
 * @example const aside = keepAsideSync(settingsPath) // '/data/settings.json.corrupt-2026-11-29T22-38-00-000Z'
 */
export function keepAsideSync(path: string, now = new Date()): string {
  const aside = asideName(path, now);
  renameSync(path, aside);
  return aside;
}

/** keepAsideSync, without blocking. */
export async function keepAside(path: string, now = new Date()): Promise<string> {
  const aside = asideName(path, now);
  await rename(path, aside);
  return aside;
}
