// The content-addressed resource store on disk: <dataDir>/resources/<sha256>.<ext>, typed by sniffing.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename, isAbsolute, join } from 'node:path';
import type { ResourceStore } from '../engine/inference';
import { writeFileAtomic } from './atomic-file';
import { RESOURCE_FILE_PATTERN, resourceFileName, type ResourceRef } from '../../src-shared/resources';

/** A sniffed file type: extension without the dot, and MIME type. */
export interface SniffedType {
  ext: string;
  mime: string;
}

const ascii = (b: Uint8Array, at: number, text: string) =>
  b.length >= at + text.length && [...text].every((c, i) => b[at + i] === c.charCodeAt(0));

const MAGIC: Array<[test: (b: Uint8Array) => boolean, type: SniffedType]> = [
  [(b) => b[0] === 0x89 && ascii(b, 1, 'PNG'), { ext: 'png', mime: 'image/png' }],
  [(b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff, { ext: 'jpg', mime: 'image/jpeg' }],
  [(b) => ascii(b, 0, 'GIF8'), { ext: 'gif', mime: 'image/gif' }],
  [(b) => ascii(b, 0, 'RIFF') && ascii(b, 8, 'WEBP'), { ext: 'webp', mime: 'image/webp' }],
  [(b) => ascii(b, 0, 'RIFF') && ascii(b, 8, 'WAVE'), { ext: 'wav', mime: 'audio/wav' }],
  [(b) => ascii(b, 0, 'fLaC'), { ext: 'flac', mime: 'audio/flac' }],
  [(b) => ascii(b, 0, 'OggS'), { ext: 'ogg', mime: 'audio/ogg' }],
  [(b) => ascii(b, 0, 'ID3') || (b[0] === 0xff && b.length > 1 && (b[1] & 0xe0) === 0xe0), { ext: 'mp3', mime: 'audio/mpeg' }],
  [(b) => ascii(b, 4, 'ftyp'), { ext: 'mp4', mime: 'video/mp4' }],
  [(b) => b[0] === 0x1a && b[1] === 0x45 && b[2] === 0xdf && b[3] === 0xa3, { ext: 'webm', mime: 'video/webm' }],
  [(b) => ascii(b, 0, '%PDF-'), { ext: 'pdf', mime: 'application/pdf' }],
  [(b) => ascii(b, 0, 'BM') && b.length >= 26, { ext: 'bmp', mime: 'image/bmp' }],
];

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

/**
 * The type of a file from its first bytes; text is `csv` when the given name or MIME says so, else `txt`.
 * @example sniffType(pngBytes) // { ext: 'png', mime: 'image/png' }
 */
export function sniffType(bytes: Uint8Array, hint: { name?: string; mime?: string } = {}): SniffedType {
  for (const [test, type] of MAGIC) if (test(bytes)) return type;
  if (isText(bytes)) {
    const csv = /\.csv$/i.test(hint.name ?? '') || hint.mime === 'text/csv';
    return csv ? { ext: 'csv', mime: 'text/csv' } : { ext: 'txt', mime: 'text/plain' };
  }
  return { ext: 'bin', mime: 'application/octet-stream' };
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
      const { ext, mime } = sniffType(bytes, options);
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
