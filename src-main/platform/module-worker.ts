// Starts a worker thread on one of this project's modules, wherever the code runs from: the TypeScript
// sources (vitest, tsx: the worker loads its entry through tsx) or the built bundle (out/main/<name>.js,
// an entry of electron.vite.config.ts).
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { builtFile } from './built-file';

// Runs in the worker of a source checkout: registers tsx for this thread, then imports the TypeScript entry.
const TSX_BOOTSTRAP = `const { workerData } = require('node:worker_threads');
import(workerData.bootstrap.tsx).then((tsx) => tsx.tsImport(workerData.bootstrap.entry, workerData.bootstrap.entry));`;

/**
 * Starts the module `name` that sits beside `callerUrl` (the caller's `import.meta.url`) as a worker; the
 * worker reads `workerData.data`.
 * @example startModuleWorker(import.meta.url, 'image-worker')
 */
export function startModuleWorker(callerUrl: string, name: string, data?: unknown): Worker {
  if (callerUrl.endsWith('.ts')) {
    const entry = new URL(`./${name}.ts`, callerUrl).href;
    const tsx = import.meta.resolve('tsx/esm/api');
    return new Worker(TSX_BOOTSTRAP, { eval: true, workerData: { bootstrap: { tsx, entry }, data } });
  }
  const built = builtFile(callerUrl, `${name}.js`);
  if (!built) throw new Error(`the worker module ${name}.js is missing beside ${fileURLToPath(callerUrl)}: rebuild with "npm run build"`);
  return new Worker(built, { workerData: { data } });
}
