// The files and URLs a user wrote in a message: the only ones a plan may read (besides attachments).
import { KNOWN_EXTENSIONS } from '../../../src-shared/file-kinds';

const ALL_EXTENSIONS = [...KNOWN_EXTENSIONS].join('|');

const URL_PATTERN = /\bhttps?:\/\/[^\s"'`<>()[\]{}]+/gi;
/** Candidate words: runs without spaces, quotes or brackets (scanned linearly, no backtracking). */
const WORD = /[^\s,;()[\]{}<>"'`\u201c\u201d\u2018\u2019]+/g;
const FILE_WORD = /^[\w.@+\-/\\:~]+$/;
const EXTENSION = /\w\.([A-Za-z0-9]{2,5})$/;
const QUOTED_NAME = new RegExp(String.raw`["'\u201c\u2018]([^"'\u201d\u2019\n]{1,200}\.(?:${ALL_EXTENSIONS}))["'\u201d\u2019]`, 'gi');

/** Whether a word is a file name or path with a known extension. */
function isFileWord(word: string): boolean {
  const ext = EXTENSION.exec(word)?.[1]?.toLowerCase();
  return word.length <= 1000 && ext !== undefined && KNOWN_EXTENSIONS.has(ext) && FILE_WORD.test(word);
}

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
  for (const match of quoted.matchAll(WORD)) {
    const word = normalizeResourceName(match[0]);
    if (isFileWord(word)) found.push([match.index ?? 0, word]);
  }
  const seen = new Set<string>();
  return found
    .sort((a, b) => a[0] - b[0])
    .map(([, name]) => name)
    .filter((name) => name !== '' && !seen.has(name) && Boolean(seen.add(name)));
}
