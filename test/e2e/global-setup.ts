// Builds the app (main, preload, renderer) before the browser tests, so they always run the current sources.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export default async function globalSetup(): Promise<void> {
  const result = spawnSync(join('node_modules', '.bin', 'electron-vite'), ['build'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) throw new Error('electron-vite build failed: the browser tests need the built app');
}
