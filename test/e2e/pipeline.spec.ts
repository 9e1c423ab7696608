// The whole app through the real engine: `hugginggpt serve` with the fake LLM and Hugging Face endpoint on
// loopback. Request -> plan on the canvas -> edit an argument -> run -> statuses and outputs -> response.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { POSE_MODEL, POSE_TO_IMAGE_MODEL, SEED_REQUEST } from '../pipeline/seed-example';
import { startSeedEngine, type SeedEngine } from './seed-engine';

let engine: SeedEngine;

test.beforeAll(async () => {
  engine = await startSeedEngine('Here is **a girl reading a newspaper** in the pose of the boy, with a spoken description.');
});

test.afterAll(() => engine?.stop());

const node = (page: Page, label: string) => page.getByRole('group', { name: label });
const LABELS = ['Task 0: openpose-control', 'Task 1: openpose-text-to-image', 'Task 2: object-detection', 'Task 3: image-to-text', 'Task 4: text-to-speech'];

test('request -> plan -> edit -> run -> outputs -> response, through the real engine', async ({ page }) => {
  // Wide enough for five tasks at full detail (a narrower canvas shows node summaries when fitted).
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(engine.server.url);
  await page.locator('input[type=file]').setInputFiles({ name: 'example.jpg', mimeType: 'image/jpeg', buffer: readFileSync(engine.exampleFile) });
  await expect(page.locator('form.composer').getByRole('list', { name: 'Attachments' })).toContainText('example.jpg');
  await page.getByRole('textbox', { name: 'Request' }).fill(SEED_REQUEST);
  await page.getByRole('button', { name: 'Plan', exact: true }).click();

  for (const label of LABELS) await expect(node(page, label)).toHaveAttribute('data-status', 'pending');
  await expect(page.locator('.react-flow__edge')).toHaveCount(4);
  await expect(node(page, 'Task 0: openpose-control')).toContainText(POSE_MODEL);

  await expect(page.locator('.react-flow[data-layout="settled"]')).toBeVisible({ timeout: 15_000 });
  await node(page, 'Task 1: openpose-text-to-image').locator('.node-head').click();
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  const text = inspector.getByRole('textbox', { name: /^text/ });
  await text.fill('a girl reading a newspaper');
  await text.blur();

  await page.getByRole('button', { name: 'Run', exact: true }).click();
  for (const label of LABELS) await expect(node(page, label)).toHaveAttribute('data-status', 'succeeded', { timeout: 15_000 });
  expect((engine.hf.requests.find((r) => r.model === POSE_TO_IMAGE_MODEL)!.json as any).inputs).toBe('a girl reading a newspaper');
  await expect(node(page, 'Task 2: object-detection').locator('img').first()).toBeVisible();
  await expect(node(page, 'Task 3: image-to-text')).toContainText('a cat sitting on a couch');
  await expect(node(page, 'Task 4: text-to-speech').locator('audio')).toHaveCount(1);

  await page.getByRole('button', { name: 'Generate response' }).click();
  const log = page.getByRole('log', { name: 'Conversation' });
  await expect(log).toContainText('a girl reading a newspaper', { timeout: 10_000 });
  await expect(log).toContainText('Generated files');
  await page.screenshot({ path: 'test-results/pipeline.png' });
});
