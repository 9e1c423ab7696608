// The built-in runtime's model cache in the data folder: transformers.js's file layout
// (`<cacheDir>/<org>/<name>/<file>`, temporary `.tmp.*` files while downloading), measured and deleted here.
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { InferenceError } from '../../../engine/inference';

/** The model cache folder of a data folder. */
export const modelCacheDir = (dataDir: string): string => join(dataDir, 'models');

/** Checks a repo id before it becomes a path: `org/name` (or `name`) of word characters, dots and dashes, no `..`. */
export function modelFolder(cacheDir: string, model: string): string {
  if (!/^[\w.-]+(\/[\w.-]+)?$/.test(model) || model.split('/').some((part) => part === '.' || part === '..')) {
    throw new InferenceError('invalid-input', `"${model}" is not a Hugging Face repo id such as "org/name".`, { retriable: false });
  }
  return join(cacheDir, ...model.split('/'));
}

/**
 * Bytes of the finished files under a model's folder (partial downloads not counted); 0 until its ONNX
 * weights are there (asking the Hub for download sizes caches a model's config.json alone).
 */
export async function folderBytes(folder: string): Promise<number> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true }).catch(() => []);
  if (!entries.some((e) => e.isFile() && e.name.endsWith('.onnx'))) return 0;
  let total = 0;
  for (const entry of entries) {
    if (!entry.isFile() || entry.name.includes('.tmp.')) continue;
    total += (await stat(join(entry.parentPath, entry.name)).catch(() => undefined))?.size ?? 0;
  }
  return total;
}

/** Deletes a model's cached files; true when there were any. */
export async function deleteModelFolder(cacheDir: string, model: string): Promise<boolean> {
  const folder = modelFolder(cacheDir, model);
  const had = (await folderBytes(folder)) > 0;
  await rm(folder, { recursive: true, force: true });
  return had;
}
