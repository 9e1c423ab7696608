// Settings > Built-in models against the real `hugginggpt serve`: the built-in endpoint's models with their
// download size (asked of a fake Hub serving tiny ONNX models), download, size on disk, delete.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { builtInOnlySettings, tinyRepos } from '../support/builtin-fixture';
import { startFakeHubFiles, type FakeHubFiles } from '../support/fake-hub-files';
import { startServe, type ServeProcess } from './serve-process';

let hub: FakeHubFiles;
let server: ServeProcess;
const dataDir = mkdtempSync(join(tmpdir(), 'hgs-e2e-builtin-'));

test.beforeAll(async () => {
  hub = await startFakeHubFiles(tinyRepos());
  writeFileSync(join(dataDir, 'settings.json'), JSON.stringify({ version: 3, ...builtInOnlySettings(hub.url) }));
  server = await startServe(['--data-dir', dataDir], { OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: 'http://127.0.0.1:9/v1' });
});

test.afterAll(async () => {
  server?.stop();
  await hub?.close();
});

test('see built-in models with sizes, download one, delete it', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto(server.url);
  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  const table = settings.getByRole('table', { name: 'Built-in models' });
  const row = table.locator('tr[data-model="tiny/vit-colours"]');
  await expect(row.getByLabel('tiny/vit-colours on disk')).toHaveText('not downloaded');
  await expect(row).toContainText(/\d+\.\d kB/, { timeout: 60_000 }); // the download size, from the Hub
  await row.getByRole('button', { name: 'Download tiny/vit-colours' }).click();
  await expect(row.getByLabel('tiny/vit-colours on disk')).toHaveText(/\d+\.\d kB/, { timeout: 60_000 });
  expect(hub.downloads).toContain('tiny/vit-colours/onnx/model_quantized.onnx');
  await page.screenshot({ path: 'test-results/builtin-models.png' });
  await row.getByRole('button', { name: 'Delete tiny/vit-colours' }).click();
  await expect(row.getByLabel('tiny/vit-colours on disk')).toHaveText('not downloaded');
});
