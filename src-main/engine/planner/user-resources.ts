// The files and URLs a user wrote in a message: the only ones a plan may read (besides attachments).
import type { Modality } from '../../../src-shared/tasks';

const EXTENSIONS: Record<Modality, string[]> = {
  image: ['jpg', 'jpeg', 'png', 'gif', 'bmp', 'webp', 'tif', 'tiff', 'heic'],
  audio: ['wav', 'mp3', 'flac', 'ogg', 'oga', 'm4a', 'aac', 'opus', 'webm'],
  video: ['mp4', 'avi', 'mov', 'mkv', 'm4v', 'mpeg', 'mpg'],
  table: ['csv', 'tsv'],
  text: ['txt', 'md', 'pdf', 'json'],
};
const ALL_EXTENSIONS = Object.values(EXTENSIONS).flat().join('|');

const URL_PATTERN = /\bhttps?:\/\/[^\s"'`<>()[\]{}]+/gi;
/** A file name with a known extension, optionally with a Unix, home-relative or Windows folder path. */
const PATH_PATTERN = new RegExp(
  String.raw`(?:[A-Za-z]:\\(?:[\w.-]+\\)*|~?\.{0,2}\/)?(?:[\w.@+-]+\/)*[\w.@+-]*\w\.(?:${ALL_EXTENSIONS})(?![\w/\\])`,
  'gi',
);
const QUOTED_NAME = new RegExp(String.raw`["'\u201c\u2018]([^"'\u201d\u2019\n]{1,200}\.(?:${ALL_EXTENSIONS}))["'\u201d\u2019]`, 'gi');

/** A resource name in the form plans are compared by: trimmed, without quotes, `./` or trailing dots. */
export function normalizeResourceName(name: string): string {
  return name.trim().replace(/^["'`]+|["'`]+$/g, '').replace(/^\.\//, '').replace(/[.,;:!?]+$/, '');
}

/**
 * The file names/paths and URLs a user wrote, in order of appearance, without duplicates.
 * @example userResourcesIn('caption /tmp/a.jpg and https://x.org/b.png') // ['/tmp/a.jpg', 'https://x.org/b.png']
 */
export function userResourcesIn(text: string): string[] {
  const found: Array<[number, string]> = [];
  const withoutUrls = text.replace(URL_PATTERN, (url, offset: number) => {
    found.push([offset, normalizeResourceName(url)]);
    return ' '.repeat(url.length);
  });
  const quoted = withoutUrls.replace(QUOTED_NAME, (whole, name: string, offset: number) => {
    found.push([offset + 1, name.trim()]);
    return ' '.repeat(whole.length);
  });
  for (const match of quoted.matchAll(PATH_PATTERN)) found.push([match.index ?? 0, normalizeResourceName(match[0])]);
  const seen = new Set<string>();
  return found
    .sort((a, b) => a[0] - b[0])
    .map(([, name]) => name)
    .filter((name) => name !== '' && !seen.has(name) && Boolean(seen.add(name)));
}

/** The modality a file name's extension implies (`webm` counts as audio or video), if known. */
export function modalitiesOfFileName(name: string): Modality[] {
  const path = name.replace(/[?#].*$/, '');
  const ext = /\.([A-Za-z0-9]+)$/.exec(path)?.[1]?.toLowerCase();
  if (!ext) return [];
  const modalities = (Object.keys(EXTENSIONS) as Modality[]).filter((m) => EXTENSIONS[m].includes(ext));
  return ext === 'webm' ? ['audio', 'video'] : modalities;
}
