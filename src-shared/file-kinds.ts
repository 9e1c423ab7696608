// File kinds: one table of the files the app reads and writes (extension, MIME type, modality). The planner
// (by file name), the resource store (by sniffed bytes), the executor (by stored MIME type), the servers
// (Content-Type) and the renderer (how to show a file) all decide through it.
import type { Modality } from './tasks';

/** One kind of file. `modality` is the port it feeds; none for files no port is typed for (pdf). */
export interface FileKind {
  ext: string;
  mime: string;
  modality?: Modality;
  /** Further modalities it may feed: a WebM file is often sound only. */
  alsoFeeds?: Modality[];
  /** Other extensions of the same kind (`jpeg` for `jpg`). */
  aliases?: string[];
  /** Other MIME types of the same kind (`audio/x-wav`). */
  mimeAliases?: string[];
  /** Containers whose bytes look alike (ISO-BMFF `ftyp`, Matroska/EBML): the file name decides between them. */
  family?: 'iso-bmff' | 'matroska' | 'ogg';
}

/** Every file kind the app knows. */
export const FILE_KINDS: readonly FileKind[] = [
  { ext: 'png', mime: 'image/png', modality: 'image' },
  { ext: 'jpg', mime: 'image/jpeg', modality: 'image', aliases: ['jpeg', 'jfif'], mimeAliases: ['image/jpg', 'image/pjpeg'] },
  { ext: 'gif', mime: 'image/gif', modality: 'image' },
  { ext: 'webp', mime: 'image/webp', modality: 'image' },
  { ext: 'bmp', mime: 'image/bmp', modality: 'image', mimeAliases: ['image/x-ms-bmp'] },
  { ext: 'tif', mime: 'image/tiff', modality: 'image', aliases: ['tiff'] },
  { ext: 'heic', mime: 'image/heic', modality: 'image', aliases: ['heif'], mimeAliases: ['image/heif', 'image/heic-sequence', 'image/heif-sequence'], family: 'iso-bmff' },
  { ext: 'avif', mime: 'image/avif', modality: 'image', family: 'iso-bmff' },
  { ext: 'wav', mime: 'audio/wav', modality: 'audio', mimeAliases: ['audio/x-wav', 'audio/wave', 'audio/vnd.wave'] },
  { ext: 'mp3', mime: 'audio/mpeg', modality: 'audio', mimeAliases: ['audio/mp3'] },
  { ext: 'flac', mime: 'audio/flac', modality: 'audio', mimeAliases: ['audio/x-flac'] },
  { ext: 'ogg', mime: 'audio/ogg', modality: 'audio', aliases: ['oga'], family: 'ogg' },
  { ext: 'opus', mime: 'audio/opus', modality: 'audio', family: 'ogg' },
  { ext: 'm4a', mime: 'audio/mp4', modality: 'audio', mimeAliases: ['audio/x-m4a', 'audio/m4a'], family: 'iso-bmff' },
  { ext: 'aac', mime: 'audio/aac', modality: 'audio', mimeAliases: ['audio/x-aac'] },
  { ext: 'mp4', mime: 'video/mp4', modality: 'video', aliases: ['m4v'], mimeAliases: ['video/x-m4v'], family: 'iso-bmff' },
  { ext: 'mov', mime: 'video/quicktime', modality: 'video', family: 'iso-bmff' },
  { ext: 'webm', mime: 'video/webm', modality: 'video', alsoFeeds: ['audio'], mimeAliases: ['audio/webm'], family: 'matroska' },
  { ext: 'mkv', mime: 'video/x-matroska', modality: 'video', mimeAliases: ['video/matroska'], family: 'matroska' },
  { ext: 'avi', mime: 'video/x-msvideo', modality: 'video', mimeAliases: ['video/vnd.avi', 'video/avi'] },
  { ext: 'mpg', mime: 'video/mpeg', modality: 'video', aliases: ['mpeg'] },
  { ext: 'csv', mime: 'text/csv', modality: 'table' },
  { ext: 'tsv', mime: 'text/tab-separated-values', modality: 'table' },
  { ext: 'txt', mime: 'text/plain', modality: 'text' },
  { ext: 'md', mime: 'text/markdown', modality: 'text' },
  { ext: 'json', mime: 'application/json', modality: 'text' },
  { ext: 'pdf', mime: 'application/pdf' },
];

/** The kind stored files of no known kind get. */
export const UNKNOWN_FILE_KIND: FileKind = { ext: 'bin', mime: 'application/octet-stream' };

const BY_EXT = new Map<string, FileKind>(FILE_KINDS.flatMap((k) => [k.ext, ...(k.aliases ?? [])].map((e) => [e, k] as const)));
const BY_MIME = new Map<string, FileKind>(FILE_KINDS.flatMap((k) => [k.mime, ...(k.mimeAliases ?? [])].map((m) => [m, k] as const)));

/** The extension of a file name or URL path, lower case, without the dot (query and fragment ignored). */
export function extensionOf(name: string): string | undefined {
  return /\.([A-Za-z0-9]+)$/.exec(name.replace(/[?#].*$/, ''))?.[1]?.toLowerCase();
}

/** The kind a file name's extension says, if known. */
export const fileKindOfName = (name: string): FileKind | undefined => BY_EXT.get(extensionOf(name) ?? (name.toLowerCase() || '-'));

/** The kind of a MIME type (parameters ignored), if known. */
export const fileKindOfMime = (mime: string): FileKind | undefined => BY_MIME.get(mime.split(';')[0]!.trim().toLowerCase());

/** The modalities a file of `kind` may feed (none: not typed, any port may try it). */
export const modalitiesOfKind = (kind: FileKind | undefined): Modality[] =>
  kind?.modality ? [kind.modality, ...(kind.alsoFeeds ?? [])] : [];

/**
 * Why a file of `kind` cannot feed a port of `modality` (its modalities, e.g. "audio"), or undefined when it can.
 * The planner asks with the file's name, the executor with the stored file's MIME type: the same verdict.
 * @example fileFeedProblem(fileKindOfName('clip.m4a'), 'video') // 'audio'
 */
export function fileFeedProblem(kind: FileKind | undefined, modality: Modality): string | undefined {
  const feeds = modalitiesOfKind(kind);
  return feeds.length === 0 || feeds.includes(modality) ? undefined : feeds.join('/');
}

/**
 * The kind of a stored file: what the bytes say, except that the file name decides between kinds whose
 * bytes look alike (an `.m4a` or `.mov` in a generic MP4 container, an `.mkv` read as WebM).
 */
export function reconcileKinds(sniffed: FileKind | undefined, named: FileKind | undefined): FileKind | undefined {
  if (sniffed && named && sniffed.family !== undefined && named.family === sniffed.family) return named;
  return sniffed;
}

/** Every file extension the app recognises in what a user writes. */
export const KNOWN_EXTENSIONS: ReadonlySet<string> = new Set(BY_EXT.keys());

/** The Content-Type a file is served with: text kinds in UTF-8, unknown ones as bytes to download. */
export function contentTypeOfName(name: string): string {
  const kind = fileKindOfName(name);
  if (!kind) return UNKNOWN_FILE_KIND.mime;
  return kind.mime.startsWith('text/') ? `${kind.mime}; charset=utf-8` : kind.mime;
}
