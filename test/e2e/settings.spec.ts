// The settings panel against the real `hugginggpt serve`: add a local endpoint served by the fake Hugging Face
// endpoint, see it healthy, check its models reach the selector, remove it; settings.json keeps the change.
import { mkdtempSync, readFileSync } from 'node:fs';
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
  await settings.getByRole('button', { name: 'Save endpoints' }).click();

  const saved = settings.getByRole('group', { name: 'Endpoint local-vision' });
  await saved.getByRole('button', { name: 'Test' }).click();
  await expect(saved.getByRole('status', { name: 'Health' })).toHaveAttribute('data-health', 'ok');
  await expect(saved.getByRole('status', { name: 'Health' })).toContainText('Healthy');
  await page.screenshot({ path: 'test-results/settings.png' });
  const file = JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8'));
  expect(file.endpoints.map((e: { name: string }) => e.name)).toEqual(['built-in', 'local-vision']);
  expect(file.endpoints[1]).toMatchObject({ name: 'local-vision', url: hf.url, enabled: true, models: [{ id: 'facebook/detr-resnet-50', task: 'object-detection' }] });
  expect(JSON.stringify(file)).not.toContain('sk-test');

  await saved.getByRole('button', { name: 'Remove endpoint' }).click();
  await settings.getByRole('button', { name: 'Save endpoints' }).click();
  await expect(settings.getByRole('group', { name: /^Endpoint / })).toHaveCount(1);
  await expect.poll(() => JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8')).endpoints.map((e: { name: string }) => e.name)).toEqual(['built-in']);
});
