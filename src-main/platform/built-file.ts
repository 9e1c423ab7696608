// Where the build put a file, seen from a bundled module: electron-vite writes the entries to out/main/ and the
// code they share (or import lazily) to a chunk folder below it, so a module finds its neighbours one or two
// levels up depending on where it landed.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The file at `path` (relative to out/main/) seen from the module at `callerUrl` (its `import.meta.url`), in
 * out/main/ or a chunk folder below it; undefined when neither exists.
 * @example builtFile(import.meta.url, 'image-worker.js') // out/main/image-worker.js
 * @example builtFile(import.meta.url, '../renderer/index.html') // out/renderer/index.html
 */
export function builtFile(callerUrl: string, path: string): string | undefined {
  return [`./${path}`, `../${path}`].map((p) => fileURLToPath(new URL(p, callerUrl))).find((p) => existsSync(p));
}
