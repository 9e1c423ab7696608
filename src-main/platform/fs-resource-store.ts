// The content-addressed resource store on disk: <dataDir>/resources/<sha256>.<ext>, typed by sniffing.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename, isAbsolute, join } from 'node:path';
import type { ResourceStore } from '../engine/inference';
import { writeFileAtomic } from './atomic-file';
import { fileKindOfMime, fileKindOfName, reconcileKinds, UNKNOWN_FILE_KIND, type FileKind } from '../../src-shared/file-kinds';
import { RESOURCE_FILE_PATTERN, resourceFileName, type ResourceRef } from '../../src-shared/resources';
import { fileTypeFromBuffer } from 'file-type';

/** A sniffed file type: extension without the dot, and MIME type. */
export interface SniffedType {
  ext: string;
  mime: string;
}

/** True when the bytes read as UTF-8 text (no NUL bytes, valid encoding). */
function isText(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** What `file-type` reads from the magic bytes, as one of the app's file kinds. */
async function sniffedKind(bytes: Uint8Array): Promise<FileKind | undefined> {
  const found = await fileTypeFromBuffer(bytes);
  if (!found) return undefined;
  return fileKindOfMime(found.mime) ?? fileKindOfName(`.${found.ext}`) ?? { ext: found.ext, mime: found.mime };
}

/**
 * The type of a file from its bytes (the `file-type` library), the name only deciding between look-alike
 * containers (`.m4a` vs `.mp4`); text is a table when the name or MIME type says so, else plain text.
 * @example await sniffType(pngBytes) // { ext: 'png', mime: 'image/png' }
 */
export async function sniffType(bytes: Uint8Array, hint: { name?: string; mime?: string } = {}): Promise<SniffedType> {
  const named = (hint.name ? fileKindOfName(hint.name) : undefined) ?? (hint.mime ? fileKindOfMime(hint.mime) : undefined);
  const kind = reconcileKinds(await sniffedKind(bytes), named);
  if (kind) return { ext: kind.ext, mime: kind.mime };
  if (isText(bytes)) {
    const textKind = named?.modality === 'table' || named?.modality === 'text' ? named : fileKindOfName('.txt')!;
    return { ext: textKind.ext, mime: textKind.mime };
  }
  return { ext: UNKNOWN_FILE_KIND.ext, mime: UNKNOWN_FILE_KIND.mime };
}

const exists = (path: string) => stat(path).then(() => true, () => false);

/** The resource store in `<dataDir>/resources`, created on first write. */
export function createFsResourceStore(dataDir: string): ResourceStore {
  const folder = join(dataDir, 'resources');
  const pathOf = (ref: Pick<ResourceRef, 'hash' | 'ext'>) => {
    const name = resourceFileName(ref);
    if (!RESOURCE_FILE_PATTERN.test(name)) throw new Error(`Not a resource file name: ${name}`);
    return join(folder, name);
  };
  return {
    async put(bytes, options = {}) {
      const hash = createHash('sha256').update(bytes).digest('hex');
      const { ext, mime } = await sniffType(bytes, options);
      const ref: ResourceRef = { hash, ext, mime, size: bytes.byteLength, ...(options.name ? { name: options.name } : {}) };
      const path = pathOf(ref);
      if (!(await exists(path))) await writeFileAtomic(path, bytes);
      return ref;
    },
    async read(ref) {
      return new Uint8Array(await readFile(pathOf(ref)));
    },
    pathOf,
  };
}

/** Copies a user's file into the store (read once), keeping its file name in `ref.name`. */
export async function importUserFile(store: ResourceStore, absolutePath: string): Promise<ResourceRef> {
  if (!isAbsolute(absolutePath)) throw new Error(`Expected an absolute path, got ${absolutePath}`);
  const bytes = new Uint8Array(await readFile(absolutePath));
  return store.put(bytes, { name: basename(absolutePath) });
}
