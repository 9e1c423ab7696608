// References to files in the content-addressed resource store, and task outputs.
import type { Modality } from './tasks';

/** A file in the data folder's resource store, named by the SHA-256 of its bytes. */
export interface ResourceRef {
  hash: string;
  /** Extension without the dot, sniffed from the bytes (`png`, `wav`, ...). */
  ext: string;
  mime: string;
  size: number;
  /** The name the user gave it (attachments), if any. */
  name?: string;
}

/** The store-relative file name of a resource: `<hash>.<ext>`. */
export const resourceFileName = (r: Pick<ResourceRef, 'hash' | 'ext'>): string => `${r.hash}.${r.ext}`;

/** Matches a valid resource file name; anything else is refused by the protocol and the web bridge. */
export const RESOURCE_FILE_PATTERN = /^[0-9a-f]{64}\.[a-z0-9]{1,8}$/;

/** One output of a task: text inline, binary data as a stored resource. */
export interface TaskOutput {
  port: string;
  modality: Modality;
  text?: string;
  resource?: ResourceRef;
  /** Absolute path of the stored file (CLI output; never needed by the renderer). */
  path?: string;
}
