// An in-memory ResourceStore for executor tests: content-addressed like the real one.
import { createHash } from 'node:crypto';
import type { ResourceRef } from '../../../src-shared/resources';
import type { ResourceStore } from '../../../src-main/engine/inference';

const EXT: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'audio/wav': 'wav', 'video/mp4': 'mp4', 'text/csv': 'csv' };

/** Keeps bytes in a map keyed by SHA-256; counts puts and reads. */
export class MemoryStore implements ResourceStore {
  files = new Map<string, Uint8Array>();
  puts = 0;
  reads = 0;

  async put(bytes: Uint8Array, options?: { name?: string; mime?: string }): Promise<ResourceRef> {
    this.puts += 1;
    const hash = createHash('sha256').update(bytes).digest('hex');
    const mime = options?.mime ?? 'application/octet-stream';
    this.files.set(hash, bytes);
    return { hash, ext: EXT[mime] ?? 'bin', mime, size: bytes.length, ...(options?.name ? { name: options.name } : {}) };
  }

  async read(ref: ResourceRef): Promise<Uint8Array> {
    this.reads += 1;
    const bytes = this.files.get(ref.hash);
    if (!bytes) throw new Error(`no stored file ${ref.hash}`);
    return bytes;
  }

  pathOf(ref: ResourceRef): string {
    return `/store/${ref.hash}.${ref.ext}`;
  }

  /** Stores a file as the user would attach it. */
  async userFile(name: string, content: string, mime: string): Promise<ResourceRef> {
    return this.put(new TextEncoder().encode(content), { name, mime });
  }

  /** The stored bytes of a ref as text (the fakes write readable bytes). */
  textOf(ref: ResourceRef | undefined): string {
    return ref ? new TextDecoder().decode(this.files.get(ref.hash)) : '';
  }
}
