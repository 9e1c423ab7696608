// The endpoint editor against the real `hugginggpt serve` and a loopback ComfyUI: choose the protocol, press
// "Find models", save the rows it found (with their ControlNet file) and see the server healthy.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startFakeComfy, type FakeComfy } from '../support/fake-comfyui';
import { startServe, type ServeProcess } from './serve-process';

let comfy: FakeComfy;
let server: ServeProcess;
const dataDir = mkdtempSync(join(tmpdir(), 'hgs-e2e-comfy-'));

test.beforeAll(async () => {
  comfy = await startFakeComfy({ checkpoints: ['dreamshaper_8.safetensors'], controlnets: ['control_v11p_sd15_openpose.pth'] });
  server = await startServe(['--data-dir', dataDir], { OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: 'http://127.0.0.1:9/v1' });
});

test.afterAll(async () => {
  server?.stop();
  await comfy?.close();
});

test('Find models fills a ComfyUI endpoint with its checkpoints and ControlNets', async ({ page }) => {
  await page.goto(server.url);
  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.getByRole('button', { name: 'Add endpoint' }).click();
  const endpoint = settings.getByRole('group', { name: /^Endpoint / }).last();
  await endpoint.getByLabel('Name').fill('comfy');
  await endpoint.getByLabel('Protocol').selectOption({ label: 'ComfyUI' });
  await endpoint.getByLabel('URL').fill(comfy.url);
  await endpoint.getByRole('button', { name: 'Find models' }).click();
  await expect(endpoint.getByRole('status', { name: 'Find models' })).toHaveText(`Found 3 model row(s) on ${comfy.url}.`);
  await expect(endpoint.getByRole('group', { name: /^Model / })).toHaveCount(3);
  await expect(endpoint.getByRole('group', { name: 'Model 3' }).getByLabel('Task')).toHaveValue('openpose-text-to-image');
  await expect(endpoint.getByRole('group', { name: 'Model 1' }).getByLabel('Checkpoint')).toHaveValue('dreamshaper_8.safetensors');
  await endpoint.screenshot({ path: 'test-results/comfyui-find-models.png' });
  // One form, one Save (the settings panel saves every section together).
  await settings.getByRole('button', { name: 'Save', exact: true }).click();

  const savedComfy = () => {
    const file = join(dataDir, 'settings.json');
    return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')).endpoints.find((e: { name: string }) => e.name === 'comfy') : undefined;
  };
  await expect.poll(savedComfy).toEqual({
    name: 'comfy', protocol: 'comfyui', url: comfy.url, enabled: true,
    models: [
      { id: 'dreamshaper_8.safetensors', task: 'text-to-image' },
      { id: 'dreamshaper_8.safetensors', task: 'image-to-image' },
      { id: 'dreamshaper_8.safetensors', task: 'openpose-text-to-image', controlnet: 'control_v11p_sd15_openpose.pth' },
    ],
  });
  const saved = settings.getByRole('group', { name: 'Endpoint comfy' });
  await saved.getByRole('button', { name: 'Test' }).click();
  await expect(saved.getByRole('status', { name: 'Health' })).toHaveAttribute('data-health', 'ok');
  expect(comfy.log).toContain('GET /system_stats');
});
