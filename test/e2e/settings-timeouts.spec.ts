// Timeouts per task type (execution.taskTimeoutMs) in the settings form, against the real `hugginggpt serve`:
// the defaults are shown in seconds, edits save with the one Save as milliseconds in settings.json, and rows that
// cannot be saved are named and save nothing.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Locator } from '@playwright/test';
import { startServe, type ServeProcess } from './serve-process';

let server: ServeProcess;
const dataDir = mkdtempSync(join(tmpdir(), 'hgs-e2e-timeouts-'));
const savedTimeouts = () => (existsSync(join(dataDir, 'settings.json')) ? JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8')).execution?.taskTimeoutMs : undefined);

test.beforeAll(async () => {
  server = await startServe(['--data-dir', dataDir], { OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: 'http://127.0.0.1:9/v1' });
});

test.afterAll(() => server?.stop());

/** The rows of the per-task timeouts as [task type, seconds]. */
async function rowsOf(field: Locator): Promise<[string, string][]> {
  const rows = field.getByRole('list', { name: 'Timeouts per task type' }).getByRole('group');
  const out: [string, string][] = [];
  for (const row of await rows.all()) out.push([await row.getByLabel('Task type').inputValue(), await row.getByLabel('Seconds').inputValue()]);
  return out;
}

test('edit the timeouts per task type, save them with the one Save, refuse rows that cannot be saved', async ({ page }) => {
  await page.goto(server.url);
  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  const field = settings.getByRole('group', { name: 'Timeouts per task type' });
  await expect(field).toHaveAccessibleDescription(/own timeout instead of "Timeout per task"/);
  await expect.poll(() => rowsOf(field)).toEqual([['image-to-image', '180'], ['text-to-image', '180'], ['text-to-video', '600']]);

  // A row without a task type, then a zero: named beside the field and by Save, which saves nothing.
  await field.getByRole('button', { name: 'Add a task timeout' }).click();
  const added = field.getByRole('group', { name: 'Timeout for a new task type' });
  await expect(field.getByRole('alert', { name: 'Timeout problems' })).toContainText('choose a task type or remove the row');
  await settings.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(settings.locator('.settings-footer').getByRole('alert')).toContainText('Settings not saved: Per-task timeout: choose a task type');
  await added.getByLabel('Task type').selectOption('automatic-speech-recognition');
  const asr = field.getByRole('group', { name: 'Timeout for automatic-speech-recognition' });
  await asr.getByLabel('Seconds').fill('0');
  await expect(field.getByRole('alert', { name: 'Timeout problems' })).toContainText('automatic-speech-recognition: enter a number of seconds above 0');
  // A task type already listed cannot be chosen twice.
  await expect(asr.getByRole('option', { name: 'text-to-image', exact: true })).toBeDisabled();
  expect(savedTimeouts()).toBeUndefined();

  await asr.getByLabel('Seconds').fill('45');
  await field.getByRole('group', { name: 'Timeout for text-to-video' }).getByLabel('Seconds').fill('900');
  await field.getByRole('group', { name: 'Timeout for image-to-image' }).getByRole('button', { name: 'Remove' }).click();
  await expect(field.getByRole('alert', { name: 'Timeout problems' })).toHaveCount(0);
  await page.screenshot({ path: 'test-results/settings-timeouts.png' });
  await settings.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(settings.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  expect(savedTimeouts()).toEqual({ 'automatic-speech-recognition': 45_000, 'text-to-image': 180_000, 'text-to-video': 900_000 });

  // After a reload the form shows what was saved, and nothing is unsaved.
  await page.reload();
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect.poll(() => rowsOf(page.getByRole('dialog', { name: 'Settings' }).getByRole('group', { name: 'Timeouts per task type' })))
    .toEqual([['automatic-speech-recognition', '45'], ['text-to-image', '180'], ['text-to-video', '900']]);
  await expect(page.getByRole('dialog', { name: 'Settings' }).getByText('Unsaved changes')).toHaveCount(0);
});
