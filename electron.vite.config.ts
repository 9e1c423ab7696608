// Builds the three processes from this project's own folders (none of electron-vite's defaults apply).
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rolldownOptions: {
        input: {
          index: resolve('src-main/app/main.ts'),
          cli: resolve('src-main/cli/main.ts'),
          // The built-in runtime's worker thread, found next to the bundle by builtin-worker.ts.
          'transformers-js-worker': resolve('src-main/platform/endpoints/transformers-js/worker-main.ts'),
          // The built-in LLM's worker thread, started by llama-worker-client.ts.
          'llama-worker': resolve('src-main/platform/llama-chat/llama-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload must be CommonJS.
      rolldownOptions: { input: { index: resolve('src-main/app/preload.ts') }, output: { format: 'cjs' } },
    },
  },
  renderer: {
    root: 'src-renderer',
    plugins: [react()],
    build: {
      outDir: resolve('out/renderer'),
      minify: true,
      rolldownOptions: { input: resolve('src-renderer/index.html') },
    },
  },
});
