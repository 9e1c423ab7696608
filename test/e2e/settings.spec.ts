// The settings panel against the real `hugginggpt serve`: one form with one Save. Add a local endpoint served by
// the fake Hugging Face endpoint, test it before saving, save, remove it; "Test connection" tests the form's values
// without saving them; closing with unsaved edits asks first; settings.json keeps only what was saved.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startFakeHf, type FakeHf } from '../support/fake-hf';
import { startServe, type ServeProcess } from './serve-process';

let hf: FakeHf;
let server: ServeProcess;
const dataDir = mkdtempSync(join(tmpdir(), 'hgs-e2e-settings-'));

test.beforeAll(async () => {
  hf = await startFakeHf({ models: { 'facebook/detr-resnet-50': { task: 'object-detection' } } });
  server = await startServe(['--data-dir', dataDir], { OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: 'http://127.0.0.1:9/v1' });
});

test.afterAll(async () => {
  server?.stop();
  await hf?.close();
});

test('add a local endpoint, see it healthy, remove it', async ({ page }) => {
  await page.goto(server.url);
  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.getByRole('button', { name: 'Add endpoint' }).click();
  const endpoint = settings.getByRole('group', { name: /^Endpoint / }).last(); // after the built-in endpoint
  await endpoint.getByLabel('Name').fill('local-vision');
  await endpoint.getByLabel('URL').fill(hf.url);
  await endpoint.getByRole('button', { name: 'Add model' }).click();
  const model = endpoint.getByRole('group', { name: 'Model 1' });
  await model.getByLabel('Repo id').fill('facebook/detr-resnet-50');
  await model.getByLabel('Repo id').blur();
  await expect(model.getByLabel('Task')).toHaveValue('object-detection');

  // Test checks the endpoint as typed, before it is saved, and saves nothing.
  const saved = settings.getByRole('group', { name: 'Endpoint local-vision' });
  await saved.getByRole('button', { name: 'Test' }).click();
  await expect(saved.getByRole('status', { name: 'Health' })).toHaveAttribute('data-health', 'ok');
  await expect(saved.getByRole('status', { name: 'Health' })).toContainText('Healthy');
  expect(existsSync(join(dataDir, 'settings.json')) ? readFileSync(join(dataDir, 'settings.json'), 'utf8') : '').not.toContain('local-vision');
  await settings.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(settings.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  await page.screenshot({ path: 'test-results/settings.png' });
  const file = JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8'));
  expect(file.endpoints.map((e: { name: string }) => e.name)).toEqual(['built-in', 'local-vision']);
  expect(file.endpoints[1]).toMatchObject({ name: 'local-vision', url: hf.url, enabled: true, models: [{ id: 'facebook/detr-resnet-50', task: 'object-detection' }] });
  expect(JSON.stringify(file)).not.toContain('sk-test');

  await saved.getByRole('button', { name: 'Remove endpoint' }).click();
  await settings.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(settings.getByRole('group', { name: /^Endpoint / })).toHaveCount(1);
  await expect.poll(() => JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8')).endpoints.map((e: { name: string }) => e.name)).toEqual(['built-in']);
});

test('Test connection tests the form without saving it; closing with unsaved edits asks; one Save keeps every section', async ({ page }) => {
  await page.goto(server.url);
  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await expect(settings.getByRole('button', { name: /^Save / })).toHaveCount(0);
  const before = existsSync(join(dataDir, 'settings.json')) ? readFileSync(join(dataDir, 'settings.json'), 'utf8') : undefined;
  await settings.getByLabel('Base URL').fill('http://127.0.0.1:9/v1');
  await settings.getByLabel('Model', { exact: true }).fill('draft-model');
  await settings.getByRole('button', { name: 'Test connection' }).click();
  await expect(settings.getByRole('status', { name: 'LLM connection' })).toHaveAttribute('data-ok', 'false', { timeout: 20_000 });
  expect(existsSync(join(dataDir, 'settings.json')) ? readFileSync(join(dataDir, 'settings.json'), 'utf8') : undefined).toBe(before);

  // Close with unsaved edits: the guard; "Keep editing" keeps them, "Discard and close" drops them.
  await settings.getByRole('button', { name: 'Close' }).click();
  const guard = settings.getByRole('alertdialog', { name: 'Unsaved settings' });
  await expect(guard).toBeVisible();
  await guard.getByRole('button', { name: 'Keep editing' }).click();
  await expect(settings.getByLabel('Model', { exact: true })).toHaveValue('draft-model');
  await settings.getByLabel('Model', { exact: true }).press('Escape');
  await guard.getByRole('button', { name: 'Discard and close' }).click();
  await expect(settings).toHaveCount(0);
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(settings.getByLabel('Model', { exact: true })).not.toHaveValue('draft-model');

  // Edits in two sections, one Save: both are kept.
  await settings.getByLabel('Model', { exact: true }).fill('gpt-4o');
  await settings.getByLabel('Retries').fill('1');
  await settings.getByLabel('Write the answer automatically after a run').uncheck();
  await settings.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(settings.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  await settings.getByRole('button', { name: 'Close' }).click();
  await expect(settings).toHaveCount(0);
  const file = JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8'));
  expect(file.llm.model).toBe('gpt-4o');
  expect(file.execution).toMatchObject({ retries: 1, autoRespond: false });
});
