// The built-in LLM's model files in the data folder: `<dataDir>/llm-models/<org>/<repo>/<file>.gguf`.
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { parseGgufRef, type BuiltInLlmDownload, type DownloadedLlm, type GgufRef } from '../../../src-shared/built-in-llm';
import { downloadGguf, GgufDownloadError, type GgufDownloadOptions } from './gguf-download';

/** The Hub to download from. */
export interface HubAccess {
  hubUrl: string;
  token?: string;
}

/** Lists, downloads (once, shared by concurrent callers) and deletes GGUF files. */
export interface GgufStore {
  /** The local file of a model reference (whether or not it is there yet). */
  pathOf(model: string): string;
  /** Downloaded models with their sizes. */
  list(): Promise<DownloadedLlm[]>;
  /** The local path, downloading first if needed; `onProgress` sees this download's progress. */
  ensure(model: string, options?: { signal?: AbortSignal; onProgress?: (progress: BuiltInLlmDownload) => void }): Promise<string>;
  /** Stops a running download of this model (its partial file is kept for resuming). */
  cancel(model: string): boolean;
  /** Deletes a downloaded model and any partial download; false when there was none. */
  delete(model: string): Promise<boolean>;
}

const exists = (path: string): Promise<boolean> => stat(path).then((s) => s.isFile(), () => false);

async function* walk(dir: string): AsyncGenerator<string> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.isFile()) yield path;
  }
}

function rejectOnAbort(signal: AbortSignal, file: string): Promise<never> {
  return new Promise((_, reject) => {
    const fail = () => reject(new GgufDownloadError('cancelled', `the download of ${file} was cancelled`));
    if (signal.aborted) fail();
    else signal.addEventListener('abort', fail, { once: true });
  });
}

/**
 * A store over one data folder; `onProgress` sees every download, whoever started it.
 * @example const store = createGgufStore(dataDir, () => ({ hubUrl: settings().huggingface.hubUrl }))
 */
export function createGgufStore(
  dataDir: string,
  hub: () => HubAccess,
  options: { onProgress?: (progress: BuiltInLlmDownload) => void; download?: (o: GgufDownloadOptions) => Promise<void> } = {},
): GgufStore {
  const download = options.download ?? downloadGguf;
  const root = join(dataDir, 'llm-models');
  const running = new Map<string, { done: Promise<string>; controller: AbortController; waiters: number; listeners: Set<(p: BuiltInLlmDownload) => void> }>();
  const pathFor = (ref: GgufRef) => join(root, ...ref.repo.split('/'), ref.file);
  const keyOf = (model: string) => {
    const ref = parseGgufRef(model);
    return `${ref.repo}/${ref.file}`;
  };

  return {
    pathOf: (model) => pathFor(parseGgufRef(model)),
    async list() {
      const found: DownloadedLlm[] = [];
      for await (const path of walk(root)) {
        if (!path.endsWith('.gguf')) continue;
        found.push({ model: relative(root, path).split(sep).join('/'), bytes: (await stat(path)).size });
      }
      return found.sort((a, b) => a.model.localeCompare(b.model));
    },
    async ensure(model, call = {}) {
      const ref = parseGgufRef(model);
      const key = keyOf(model);
      const target = pathFor(ref);
      if (await exists(target)) return target;
      let entry = running.get(key);
      // A download that was just cancelled is still winding down: let it finish, then start afresh.
      while (entry?.controller.signal.aborted) {
        await entry.done.catch(() => undefined);
        entry = running.get(key);
      }
      if (await exists(target)) return target;
      if (!entry) {
        const controller = new AbortController();
        const listeners = new Set<(p: BuiltInLlmDownload) => void>();
        const done = (async () => {
          await mkdir(dirname(target), { recursive: true });
          const { hubUrl, token } = hub();
          await download({ ref, target, hubUrl, token, signal: controller.signal, onProgress: (p) => {
            const progress = { model: key, ...p };
            options.onProgress?.(progress);
            listeners.forEach((l) => l(progress));
          } });
          return target;
        })().finally(() => running.delete(key));
        entry = { done, controller, waiters: 0, listeners };
        running.set(key, entry);
      }
      const { onProgress, signal } = call;
      if (onProgress) entry.listeners.add(onProgress);
      const current = entry;
      current.waiters++;
      // A caller that gives up stops the download only when nobody else is waiting for it.
      let gaveUp = false;
      const giveUp = () => {
        gaveUp = true;
        if (--current.waiters === 0) current.controller.abort();
      };
      if (signal?.aborted) giveUp();
      signal?.addEventListener('abort', giveUp, { once: true });
      try {
        return await (signal ? Promise.race([current.done, rejectOnAbort(signal, ref.file)]) : current.done);
      } finally {
        signal?.removeEventListener('abort', giveUp);
        if (!gaveUp) current.waiters--;
        if (onProgress) current.listeners.delete(onProgress);
      }
    },
    cancel(model) {
      const entry = running.get(keyOf(model));
      entry?.controller.abort();
      return entry !== undefined;
    },
    async delete(model) {
      const target = pathFor(parseGgufRef(model));
      running.get(keyOf(model))?.controller.abort();
      const had = (await exists(target)) || (await exists(`${target}.part`));
      await rm(target, { force: true });
      await rm(`${target}.part`, { force: true });
      return had;
    },
  };
}

export { GgufDownloadError };
