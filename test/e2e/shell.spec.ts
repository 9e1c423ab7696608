// The app shell in Chromium against the real `hugginggpt serve` (web bridge + built renderer on 127.0.0.1).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

let server: ChildProcess | undefined;
let url = '';
let notBuilt = '';
const dataDir = mkdtempSync(join(tmpdir(), 'hgs-e2e-'));

test.beforeAll(async () => {
  const child = spawn(process.execPath, ['bin/hugginggpt.js', 'serve', '--port', '0', '--data-dir', dataDir], {
    env: { ...process.env, OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: 'http://127.0.0.1:9/v1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  server = child;
  url = await new Promise<string>((resolve, reject) => {
    let stderr = '';
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${stderr}`)), 20_000);
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += String(chunk);
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stderr);
      if (m) {
        clearTimeout(timer);
        resolve(`${m[1]}/`);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      // Until the bridge lands in main, `serve` exits with a usage error: say so instead of failing obscurely.
      if (/not built yet/.test(stderr)) notBuilt = stderr.trim();
      resolve('');
      if (!notBuilt) reject(new Error(`serve exited with ${code}: ${stderr}`));
    });
  });
});

test.afterAll(() => {
  server?.kill();
  rmSync(dataDir, { recursive: true, force: true });
});

test('the shell: Request box, Plan button, Settings entry, an empty canvas, connected to the engine', async ({ page }) => {
  test.skip(Boolean(notBuilt), `hugginggpt serve is not available yet: ${notBuilt}`);
  await page.goto(url);
  await expect(page.getByRole('textbox', { name: 'Request' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Plan', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeDisabled();
  await expect(page.getByRole('status').filter({ hasText: 'Connected' })).toBeVisible();
  await expect(page.locator('.react-flow')).toBeVisible();
  await expect(page.locator('.react-flow__node')).toHaveCount(0);
  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await expect(settings).toContainText('LLM model');
  await expect(settings).toContainText('hybrid');
  await page.screenshot({ path: 'test-results/shell.png' });
});
