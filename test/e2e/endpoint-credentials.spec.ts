// An endpoint's credentials in the settings form, against the real `hugginggpt serve`: typed once, tested before
// saving, saved with the one Save but never written to settings.json nor shown again; the server behind
// them sees them on every request, and an address moved without typing them again does not get them.
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startServe, type ServeProcess } from './serve-process';

const KEY = 'sk-local-0123456789';
let server: ServeProcess;
let guarded: Server;
let guardedUrl: string;
const seen: (string | undefined)[] = [];
const dataDir = mkdtempSync(join(tmpdir(), 'hgs-e2e-creds-'));

test.beforeAll(async () => {
  // A server behind a key, as vLLM or a proxy with `--api-key` answers: 401 without `Bearer <key>`.
  guarded = createServer((req, res) => {
    seen.push(req.headers.authorization);
    const ok = req.headers.authorization === `Bearer ${KEY}`;
    res.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' }).end(JSON.stringify(ok ? { status: 'ok' } : { error: 'invalid api key' }));
  });
  await new Promise<void>((resolve) => guarded.listen(0, '127.0.0.1', resolve));
  guardedUrl = `http://127.0.0.1:${(guarded.address() as AddressInfo).port}`;
  server = await startServe(['--data-dir', dataDir], { OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: 'http://127.0.0.1:9/v1' });
});

test.afterAll(async () => {
  server?.stop();
  await new Promise<void>((resolve) => (guarded ? guarded.close(() => resolve()) : resolve()));
});

test('credentials typed for an endpoint are tested, saved as a secret, never shown or written to settings.json', async ({ page }) => {
  await page.goto(server.url);
  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.getByRole('button', { name: 'Add endpoint' }).click();
  const endpoint = settings.getByRole('group', { name: /^Endpoint / }).last();
  await endpoint.getByLabel('Name').fill('guarded');
  await endpoint.getByLabel('URL').fill(guardedUrl);
  const saved = settings.getByRole('group', { name: 'Endpoint guarded' });

  // Without credentials the server refuses; typed ones are tested before anything is saved.
  await saved.getByRole('button', { name: 'Test' }).click();
  await expect(saved.getByRole('status', { name: 'Health' })).toContainText('HTTP 401');
  await saved.getByLabel('Authorization').fill(`Bearer ${KEY}`);
  await expect(saved.getByLabel('Authorization')).toHaveAccessibleDescription(/Credentials: will be saved\. Sent as the Authorization header to this server only/);
  await saved.getByRole('button', { name: 'Test' }).click();
  await expect(saved.getByRole('status', { name: 'Health' })).toHaveAttribute('data-health', 'ok');

  await settings.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(settings.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  const file = readFileSync(join(dataDir, 'settings.json'), 'utf8');
  expect(file).not.toContain(KEY);
  expect(JSON.parse(file).endpoints.find((e: { name: string }) => e.name === 'guarded')).toEqual({ name: 'guarded', protocol: 'hf', url: guardedUrl, enabled: true, models: [] });
  await expect(saved.getByLabel('Authorization')).toHaveValue('');
  await expect(saved.getByLabel('Authorization')).toHaveAccessibleDescription(/^Credentials: set\./);
  await page.screenshot({ path: 'test-results/endpoint-credentials.png' });

  // Saved: a test of the saved endpoint (nothing typed) still sends them; the page never received them.
  seen.length = 0;
  await saved.getByRole('button', { name: 'Test' }).click();
  await expect(saved.getByRole('status', { name: 'Health' })).toHaveAttribute('data-health', 'ok');
  expect(seen).toEqual([`Bearer ${KEY}`]);
  expect(await page.content()).not.toContain(KEY);

  // Another address, credentials not typed again: they do not follow it.
  seen.length = 0;
  await saved.getByLabel('URL').fill(guardedUrl.replace('127.0.0.1', 'localhost'));
  await saved.getByRole('button', { name: 'Test' }).click();
  await expect(saved.getByRole('status', { name: 'Health' })).toContainText('HTTP 401');
  expect(seen).toEqual([undefined]);

  // Back at its address the saved ones go again; "Remove credentials" pressed but not saved: the test sends none.
  seen.length = 0;
  await saved.getByLabel('URL').fill(guardedUrl);
  await saved.getByRole('button', { name: 'Test' }).click();
  await expect(saved.getByRole('status', { name: 'Health' })).toHaveAttribute('data-health', 'ok');
  await saved.getByRole('button', { name: 'Remove credentials' }).click();
  await saved.getByRole('button', { name: 'Test' }).click();
  await expect(saved.getByRole('status', { name: 'Health' })).toContainText('HTTP 401');
  expect(seen).toEqual([`Bearer ${KEY}`, undefined]);
});
