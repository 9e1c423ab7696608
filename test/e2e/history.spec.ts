// Workflows and run history through the real engine (`hugginggpt serve`, fake LLM and Hugging Face endpoint):
// save a planned graph as a workflow, reopen it after a reload and run it with a new input without planning;
// open a failed run from the history, see what was sent and answered, and retry only its failed node.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { tinyPng } from '../support/fake-hf-media';
import { stageOf } from '../support/routed-llm';
import { POSE_TO_IMAGE_MODEL, SEED_REQUEST } from '../pipeline/seed-example';
import { startSeedEngine, type SeedEngine } from './seed-engine';

let engine: SeedEngine;
let captionModel: string;

test.beforeAll(async () => {
  engine = await startSeedEngine('Done.');
  captionModel = engine.cloud['image-to-text'];
});

test.afterAll(() => engine?.stop());

const node = (page: Page, label: string) => page.getByRole('group', { name: label });
const LABELS = ['Task 0: openpose-control', 'Task 1: openpose-text-to-image', 'Task 2: object-detection', 'Task 3: image-to-text', 'Task 4: text-to-speech'];
const planCalls = () => engine.llm.requests.filter((r) => stageOf(r) === 'plan').length;

async function planSeed(page: Page): Promise<void> {
  await page.goto(engine.server.url);
  await page.locator('input[type=file]').setInputFiles({ name: 'example.jpg', mimeType: 'image/jpeg', buffer: readFileSync(engine.exampleFile) });
  await expect(page.locator('form.composer').getByRole('list', { name: 'Attachments' })).toContainText('example.jpg');
  await page.getByRole('textbox', { name: 'Request' }).fill(SEED_REQUEST);
  await page.getByRole('button', { name: 'Plan', exact: true }).click();
  await expect(node(page, LABELS[4])).toHaveAttribute('data-status', 'pending');
}

test('save a workflow, reopen it after a reload, run it with a new input without planning', async ({ page }) => {
  await planSeed(page);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  for (const label of LABELS) await expect(node(page, label)).toHaveAttribute('data-status', 'succeeded', { timeout: 15_000 });

  await page.getByRole('button', { name: 'Save workflow' }).click();
  const save = page.getByRole('dialog', { name: 'Save workflow' });
  await save.getByLabel('Name').fill('Pose reader');
  await save.getByLabel('Description').fill('a new picture in the pose of a photo, described aloud');
  await save.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved workflow "Pose reader" (inputs: example, text)' })).toBeVisible();

  await page.reload();
  await page.getByRole('button', { name: 'Workflows' }).click();
  const panel = page.getByRole('dialog', { name: 'Workflows' });
  const item = panel.getByRole('listitem', { name: 'Pose reader' });
  await expect(item).toContainText('inputs: example (image), text (text)');
  await panel.getByRole('searchbox', { name: 'Search workflows' }).fill('pose');
  await expect(item).toBeVisible();
  await page.screenshot({ path: 'test-results/history-workflows.png' });
  await item.getByRole('button', { name: 'Run…' }).click();

  const form = page.getByRole('form', { name: 'Run Pose reader' });
  await expect(form.getByRole('textbox', { name: 'text' })).toHaveValue('a girl reading a book');
  await form.getByRole('textbox', { name: 'text' }).fill('a boy riding a bike');
  const plans = planCalls();
  const before = engine.hf.requests.length;
  await form.getByRole('button', { name: 'Run workflow' }).click();

  await expect(page.getByRole('status').filter({ hasText: 'Workflow: Pose reader' })).toBeVisible();
  await expect(node(page, LABELS[1])).toHaveAttribute('data-status', 'succeeded', { timeout: 15_000 });
  for (const label of [LABELS[0], LABELS[2], LABELS[3], LABELS[4]]) await expect(node(page, label)).toHaveAttribute('data-status', 'cached');
  expect(planCalls()).toBe(plans);
  expect(engine.hf.requests.slice(before).map((r) => r.model)).toEqual([POSE_TO_IMAGE_MODEL]);
  expect((engine.hf.requests.at(-1)!.json as { inputs: string }).inputs).toBe('a boy riding a bike');
});

test('open a failed run from the history, see the request and attempts, retry only its node', async ({ page }) => {
  // Opening a past run over the edited graph (restored after the reload) asks first.
  page.on('dialog', (d) => void d.accept());
  await planSeed(page);
  await node(page, LABELS[1]).click();
  const text = page.getByRole('complementary', { name: 'Inspector' }).getByRole('textbox', { name: /^text/ });
  await text.fill('a dog on a skateboard');
  await text.blur();
  // A new picture (so that the downstream nodes are not in the cache), and a captioner that fails (a 500 is not retried).
  engine.hf.script(POSE_TO_IMAGE_MODEL, { reply: { body: tinyPng(16, 16, [200, 30, 30]), contentType: 'image/png' } });
  engine.hf.script(captionModel, { status: 500, body: 'CUDA out of memory' });
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(node(page, LABELS[3])).toHaveAttribute('data-status', 'failed', { timeout: 15_000 });
  await expect(node(page, LABELS[4])).toHaveAttribute('data-status', 'skipped');

  await page.reload();
  await page.getByRole('button', { name: 'Runs' }).click();
  const runs = page.getByRole('dialog', { name: 'Runs' });
  await runs.getByLabel('Failed only').check();
  const failed = runs.getByRole('list', { name: 'Run history' }).getByRole('listitem');
  await expect(failed).toHaveCount(1);
  await expect(failed.first()).toContainText('1 failed');
  await expect(failed.first()).toContainText('LLM: ');
  await page.screenshot({ path: 'test-results/history-runs.png' });
  await failed.first().getByRole('button', { name: 'Open' }).click();

  await expect(page.getByRole('status').filter({ hasText: 'read-only' })).toBeVisible();
  await expect(node(page, LABELS[3])).toHaveAttribute('data-status', 'failed');
  await expect(node(page, LABELS[2])).toHaveAttribute('data-status', 'succeeded');
  await node(page, LABELS[3]).click();
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  await expect(inspector.getByRole('textbox', { name: /^image/ })).not.toBeEditable();
  const sent = inspector.getByRole('definition');
  await expect(sent.filter({ hasText: captionModel })).toHaveCount(1);
  await expect(sent.filter({ hasText: 'output of Task 1' })).toHaveCount(1);
  await expect(inspector.getByLabel('Response body')).toContainText('CUDA out of memory');
  await expect(inspector.getByRole('table', { name: 'Attempts' }).getByRole('row')).toHaveCount(2);
  await expect(inspector.getByRole('table', { name: 'Attempts' })).toContainText('HTTP 500');
  await page.screenshot({ path: 'test-results/history-failed-node.png' });

  const before = engine.hf.requests.length;
  await inspector.getByRole('button', { name: 'Retry', exact: true }).click();
  await expect(node(page, LABELS[3])).toHaveAttribute('data-status', 'succeeded', { timeout: 15_000 });
  await expect(node(page, LABELS[4])).toHaveAttribute('data-status', /succeeded|cached/);
  for (const label of LABELS.slice(0, 3)) await expect(node(page, label)).toHaveAttribute('data-status', 'cached');
  expect(engine.hf.requests.slice(before).map((r) => r.model).filter((m) => m !== engine.cloud['text-to-speech'])).toEqual([captionModel]);
  await expect(page.getByRole('status').filter({ hasText: 'read-only' })).toHaveCount(0);
});
