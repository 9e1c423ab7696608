// Workflow tabs through the real engine (`hugginggpt serve`, fake LLM and Hugging Face endpoint): a saved
// workflow's tab shows a dot once edited and loses it when saved over; a run goes on while another tab is
// shown; the library shows an already open workflow's tab; tabs survive a reload; closing unsaved edits asks.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { POSE_TO_IMAGE_MODEL, SEED_REQUEST } from '../pipeline/seed-example';
import { startSeedEngine, type SeedEngine } from './seed-engine';

let engine: SeedEngine;

test.beforeAll(async () => {
  engine = await startSeedEngine('Done.');
});

test.afterAll(() => engine?.stop());

const node = (page: Page, label: string) => page.getByRole('group', { name: label });
const tabs = (page: Page) => page.getByRole('tablist', { name: 'Open graphs' }).getByRole('tab');
const LABELS = ['Task 0: openpose-control', 'Task 1: openpose-text-to-image', 'Task 2: object-detection', 'Task 3: image-to-text', 'Task 4: text-to-speech'];

test('tabs: unsaved mark, save over the workflow, a run going on in a hidden tab, reload, close', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(engine.server.url);
  await expect(tabs(page)).toHaveCount(1);
  await expect(tabs(page).first()).toHaveAccessibleName('Untitled');

  await page.locator('input[type=file]').setInputFiles({ name: 'example.jpg', mimeType: 'image/jpeg', buffer: readFileSync(engine.exampleFile) });
  await page.getByRole('textbox', { name: 'Request' }).fill(SEED_REQUEST);
  await page.getByRole('button', { name: 'Plan', exact: true }).click();
  await expect(node(page, LABELS[4])).toHaveAttribute('data-status', 'pending');
  await expect(tabs(page).first()).toHaveAccessibleName(SEED_REQUEST.slice(0, 31) + '…');

  // Saved as a workflow: the tab takes its name, nothing unsaved.
  await page.keyboard.press('Control+s');
  const save = page.getByRole('dialog', { name: 'Save workflow' });
  await save.getByLabel('Name').fill('Pose reader');
  await save.getByRole('button', { name: 'Save', exact: true }).click();
  const poseTab = page.getByRole('tab', { name: /^Pose reader/ });
  await expect(poseTab).toHaveAccessibleName('Pose reader');

  // An edit marks the tab unsaved.
  await node(page, LABELS[1]).click();
  const text = page.getByRole('complementary', { name: 'Inspector' }).getByRole('textbox', { name: /^text/ });
  await text.fill('a dog on a skateboard');
  await text.blur();
  await expect(poseTab.getByRole('img', { name: 'unsaved changes' })).toBeVisible();
  await page.screenshot({ path: 'test-results/tabs-unsaved-1280.png' });

  // Run, and show a new tab while the slow picture is being drawn: the run goes on in its tab.
  engine.hf.script(POSE_TO_IMAGE_MODEL, { delayMs: 1500 });
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(poseTab.getByRole('img', { name: 'running' })).toBeVisible();
  await page.getByRole('button', { name: 'Open a new tab' }).click();
  await expect(tabs(page)).toHaveCount(2);
  await expect(page.getByRole('tab', { name: 'Untitled' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('.react-flow__node')).toHaveCount(0);
  await expect(poseTab.getByRole('img', { name: 'running' })).toHaveCount(0, { timeout: 15_000 });
  await poseTab.click();
  for (const label of LABELS) await expect(node(page, label)).toHaveAttribute('data-status', /succeeded|cached/);

  // The library shows the tab the workflow is open in, as the user left it.
  await page.getByRole('tab', { name: 'Untitled' }).click();
  await page.getByRole('button', { name: 'Workflows' }).click();
  await page.getByRole('dialog', { name: 'Workflows' }).getByRole('listitem', { name: 'Pose reader' }).getByRole('button', { name: 'Open' }).click();
  await expect(tabs(page)).toHaveCount(2);
  await expect(poseTab).toHaveAttribute('aria-selected', 'true');
  await node(page, LABELS[1]).click();
  await expect(page.getByRole('complementary', { name: 'Inspector' }).getByRole('textbox', { name: /^text/ })).toHaveValue('a dog on a skateboard');

  // Saving over the workflow clears the mark; the previous version stays in the trash.
  await page.getByRole('button', { name: 'Save workflow' }).click();
  await save.getByRole('button', { name: 'Save changes to "Pose reader"' }).click();
  await expect(poseTab.getByRole('img', { name: 'unsaved changes' })).toHaveCount(0);
  await expect(poseTab).toHaveAccessibleName('Pose reader');

  // Both tabs survive a reload, the shown one shown.
  await page.reload();
  await expect(tabs(page)).toHaveCount(2);
  await expect(page.getByRole('tab', { name: 'Pose reader' })).toHaveAttribute('aria-selected', 'true');
  await expect(node(page, LABELS[1])).toBeVisible();
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.screenshot({ path: 'test-results/tabs-1920.png' });

  // Closing a tab with unsaved edits asks; dismissing keeps it.
  await node(page, LABELS[1]).click();
  await text.fill('a cat on a skateboard');
  await text.blur();
  const asked: string[] = [];
  page.once('dialog', (d) => { asked.push(d.message()); void d.dismiss(); });
  await page.getByRole('button', { name: 'Close tab “Pose reader”' }).click();
  await expect.poll(() => asked).toEqual(['Close "Pose reader"? Its edits are not saved as a workflow and will be lost.']);
  await expect(tabs(page)).toHaveCount(2);
  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: 'Close tab “Pose reader”' }).click();
  await expect(tabs(page)).toHaveCount(1);
  await expect(page.getByRole('tab', { name: 'Untitled' })).toHaveAttribute('aria-selected', 'true');
});
