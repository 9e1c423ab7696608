// Maps an `hgs-resource://r/<hash>.<ext>` URL to a file of the resource store, refusing anything else.
// Pure (no electron import) so that the path check is tested in Node.
import { contentTypeOfName } from '../../src-shared/file-kinds';
import { dirname, join, resolve } from 'node:path';
import { RESOURCE_FILE_PATTERN } from '../../src-shared/resources';

/** The custom scheme outputs are served under. */
export const RESOURCE_SCHEME = 'hgs-resource';
/** The one host of that scheme: `hgs-resource://r/<file>`. */
export const RESOURCE_HOST = 'r';

/** The URL the renderer uses for a stored file name `<hash>.<ext>`. */
export const resourceUrl = (fileName: string): string => `${RESOURCE_SCHEME}://${RESOURCE_HOST}/${fileName}`;

/**
 * The absolute path of the resource a URL names, or null when the URL is not exactly
 * `hgs-resource://r/<hash>.<ext>` (no `..`, no encoded characters, no other folder, no credentials).
 * @example resolveResourcePath('hgs-resource://r/<64 hex>.png', '/data/resources') // '/data/resources/<64 hex>.png'
 */
export function resolveResourcePath(url: string, resourcesDir: string): string | null {
  // A valid name never needs escaping: refuse any escape before the URL parser decodes or folds it.
  if (url.includes('%') || url.includes('\\')) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${RESOURCE_SCHEME}:` || parsed.host !== RESOURCE_HOST) return null;
  if (parsed.username || parsed.password || parsed.port) return null;
  const name = parsed.pathname.slice(1);
  if (!RESOURCE_FILE_PATTERN.test(name)) return null;
  // The URL as written must already be the canonical one: no `.` or `..` segments that the parser folded away.
  const rest = url.slice(resourceUrl(name).length);
  if (!url.startsWith(resourceUrl(name)) || !(rest === '' || rest.startsWith('?') || rest.startsWith('#'))) return null;
  const root = resolve(resourcesDir);
  const path = join(root, name);
  return dirname(path) === root ? path : null;
}

/** The Content-Type a resource is served with (anything unknown as bytes to download, never as a page). */
export const resourceContentType = (path: string): string => contentTypeOfName(path);
