// The settings panel's built-in LLM section against the real `hugginggpt serve` and a loopback Hub: turn it on,
// download the default model (served small by the fake Hub under its real name), see its size, delete it.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { DEFAULT_BUILT_IN_LLM } from '../../src-shared/built-in-llm';
import { startFakeHubFiles, type FakeHubFiles } from '../support/fake-hub-files';
import { startServe, type ServeProcess } from './serve-process';

let hub: FakeHubFiles;
let server: ServeProcess;
const dataDir = mkdtempSync(join(tmpdir(), 'hgs-e2e-llm-'));

test.beforeAll(async () => {
  // The CDN holds each answer 1.5 s, long enough to see the download in progress.
  hub = await startFakeHubFiles({ [DEFAULT_BUILT_IN_LLM]: Buffer.alloc(60_000, 1) }, { delayMs: 1500 });
  writeFileSync(join(dataDir, 'settings.json'), JSON.stringify({ huggingface: { hubUrl: hub.url } }));
  server = await startServe(['--data-dir', dataDir], { OPENAI_BASE_URL: 'http://127.0.0.1:9/v1' });
});

test.afterAll(async () => {
  server?.stop();
  await hub?.close();
});

test('turn on the built-in LLM, download its model, delete it', async ({ page }) => {
  await page.goto(server.url);
  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  const toggle = settings.getByRole('checkbox', { name: /Plan and answer on this computer/ });
  await toggle.click();
  await expect(toggle).toBeChecked();
  await expect.poll(() => JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8')).llm.provider).toBe('built-in');

  const models = settings.getByRole('list', { name: 'Built-in LLM models' });
  const row = models.locator(`li[data-model="${DEFAULT_BUILT_IN_LLM}"]`);
  await expect(row).toHaveAttribute('data-selected', 'true');
  await expect(row).toContainText('1.93 GB download');
  await row.getByRole('button', { name: 'Download' }).click();
  await expect(row.getByRole('progressbar')).toBeVisible();
  await expect(page.getByRole('status', { name: 'Built-in LLM download' })).toContainText('Downloading the built-in LLM');
  await expect(row).toContainText('Downloaded (0.06 MB)');
  await expect(page.getByRole('status', { name: 'Built-in LLM download' })).toHaveCount(0);
  await page.screenshot({ path: 'test-results/built-in-llm.png' });
  await row.getByRole('button', { name: 'Delete' }).click();
  await expect(row.getByRole('button', { name: 'Download' })).toBeVisible();
});
