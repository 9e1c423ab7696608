// The app shell in Chromium against the real `hugginggpt serve` (web bridge + built renderer on 127.0.0.1).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startServe, type ServeProcess } from './serve-process';

let server: ServeProcess | undefined;
let url = '';
const dataDir = mkdtempSync(join(tmpdir(), 'hgs-e2e-'));

test.beforeAll(async () => {
  server = await startServe(['--data-dir', dataDir], { OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: 'http://127.0.0.1:9/v1' });
  url = server.url;
});

test.afterAll(() => {
  server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

test('the shell: Request box, Plan button, Settings entry, an empty canvas, connected to the engine', async ({ page }) => {
  await page.goto(url);
  await expect(page.getByRole('textbox', { name: 'Request' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Plan', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeDisabled();
  await expect(page.getByRole('status').filter({ hasText: 'Connected' })).toBeVisible();
  await expect(page.locator('.react-flow')).toBeVisible();
  await expect(page.locator('.react-flow__node')).toHaveCount(0);
  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await expect(settings.getByLabel('Base URL')).toHaveValue('http://127.0.0.1:9/v1');
  await expect(settings.getByLabel('Execution mode')).toHaveValue('hybrid');
  await page.screenshot({ path: 'test-results/shell.png' });
});
