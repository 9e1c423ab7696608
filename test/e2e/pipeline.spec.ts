// The whole app through the real engine: `hugginggpt serve` with the fake LLM and Hugging Face endpoint on
// loopback. Request -> plan on the canvas -> edit an argument -> run -> statuses and outputs -> response.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startFakeHf, type FakeHf } from '../support/fake-hf';
import { startFakeLlm, type FakeLlm } from '../support/fake-llm';
import { routeLlm } from '../support/routed-llm';
import { cloudChoices, folderWithExample, POSE_MODEL, POSE_TO_IMAGE_MODEL, SEED_PLAN, SEED_REQUEST, seedSettings } from '../pipeline/seed-example';
import { startServe, type ServeProcess } from './serve-process';

let llm: FakeLlm;
let hf: FakeHf;
let server: ServeProcess;
let exampleFile: string;

test.beforeAll(async () => {
  llm = await startFakeLlm();
  hf = await startFakeHf();
  const settings = seedSettings(llm.baseURL, hf.url);
  hf.addModel(POSE_MODEL, { task: 'openpose-control' });
  hf.addModel(POSE_TO_IMAGE_MODEL, { task: 'openpose-text-to-image' });
  for (const [task, model] of Object.entries(cloudChoices(settings))) hf.addModel(model, { task });
  routeLlm(llm, {
    plan: () => JSON.stringify(SEED_PLAN),
    respond: () => 'Here is **a girl reading a newspaper** in the pose of the boy, with a spoken description.',
  });
  const folder = folderWithExample();
  exampleFile = join(folder, 'example.jpg');
  const config = join(folder, 'config.json');
  writeFileSync(config, JSON.stringify(settings));
  server = await startServe(['--config', config, '--data-dir', mkdtempSync(join(tmpdir(), 'hgs-e2e-data-'))]);
});

test.afterAll(async () => {
  server?.stop();
  await llm?.close();
  await hf?.close();
});

const node = (page: Page, label: string) => page.getByRole('group', { name: label });
const LABELS = ['Task 0: openpose-control', 'Task 1: openpose-text-to-image', 'Task 2: object-detection', 'Task 3: image-to-text', 'Task 4: text-to-speech'];

test('request -> plan -> edit -> run -> outputs -> response, through the real engine', async ({ page }) => {
  await page.goto(server.url);
  await page.locator('input[type=file]').setInputFiles({ name: 'example.jpg', mimeType: 'image/jpeg', buffer: readFileSync(exampleFile) });
  await expect(page.getByRole('list', { name: 'Attachments' })).toContainText('example.jpg');
  await page.getByRole('textbox', { name: 'Request' }).fill(SEED_REQUEST);
  await page.getByRole('button', { name: 'Plan', exact: true }).click();

  for (const label of LABELS) await expect(node(page, label)).toHaveAttribute('data-status', 'pending');
  await expect(page.locator('.react-flow__edge')).toHaveCount(4);
  await expect(node(page, 'Task 0: openpose-control')).toContainText(POSE_MODEL);

  await node(page, 'Task 1: openpose-text-to-image').click();
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  const text = inspector.getByRole('textbox', { name: /^text/ });
  await text.fill('a girl reading a newspaper');
  await text.blur();

  await page.getByRole('button', { name: 'Run', exact: true }).click();
  for (const label of LABELS) await expect(node(page, label)).toHaveAttribute('data-status', 'succeeded', { timeout: 15_000 });
  expect((hf.requests.find((r) => r.model === POSE_TO_IMAGE_MODEL)!.json as any).inputs).toBe('a girl reading a newspaper');
  await expect(node(page, 'Task 2: object-detection').locator('img').first()).toBeVisible();
  await expect(node(page, 'Task 3: image-to-text')).toContainText('a cat sitting on a couch');
  await expect(node(page, 'Task 4: text-to-speech').locator('audio')).toHaveCount(1);

  await page.getByRole('button', { name: 'Generate response' }).click();
  const log = page.getByRole('log', { name: 'Conversation' });
  await expect(log).toContainText('a girl reading a newspaper', { timeout: 10_000 });
  await expect(log).toContainText('Generated files');
  await page.screenshot({ path: 'test-results/pipeline.png' });
});
