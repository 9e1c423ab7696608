// Builds the renderer into out/renderer before the browser tests (only the renderer: no Electron needed).
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { build } from 'vite';

export default async function globalSetup(): Promise<void> {
  await build({
    configFile: false,
    root: resolve('src-renderer'),
    base: './',
    plugins: [react()],
    logLevel: 'warn',
    build: { outDir: resolve('out/renderer'), emptyOutDir: true, chunkSizeWarningLimit: 4096, rolldownOptions: { input: resolve('src-renderer/index.html') } },
  });
}
