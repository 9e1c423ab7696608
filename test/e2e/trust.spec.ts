// The editor keeps faith, through the real engine (`hugginggpt serve` with the fake LLM and Hugging Face
// endpoint): answers never change after the fact, nothing overlaps once outputs appear, the session survives
// a reload and a restart, missing inputs are shown before running, multi-selection works as a set, and past
// runs stay read-only until "Edit from this run".
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { stageOf } from '../support/routed-llm';
import { SEED_REQUEST } from '../pipeline/seed-example';
import { startSeedEngine, type SeedEngine } from './seed-engine';

let engine: SeedEngine;

test.beforeAll(async () => {
  engine = await startSeedEngine('Here is the girl reading, and her description read aloud.');
});
test.afterAll(() => engine?.stop());

const node = (page: Page, label: string) => page.getByRole('group', { name: label });
const LABELS = ['Task 0: openpose-control', 'Task 1: openpose-text-to-image', 'Task 2: object-detection', 'Task 3: image-to-text', 'Task 4: text-to-speech'];
const answers = (page: Page) => page.getByRole('log', { name: 'Conversation' }).locator('.msg-assistant[data-run-id]');
/** The shown tab's document in the saved session file. */
const sessionFile = () => {
  const session = JSON.parse(readFileSync(join(engine.dataDir, 'session.json'), 'utf8'));
  return session.tabs.find((t: { id: string }) => t.id === session.activeTab);
};

/**
 * The node's header, with the canvas at full detail: zoomed out (below 70 %), nodes show only a summary, so
 * the canvas is zoomed in with the wheel over the header (which stays under the pointer) until they are full.
 */
async function fullHead(page: Page, label: string) {
  await expect(page.locator('.react-flow[data-layout="settled"]')).toBeVisible({ timeout: 15_000 });
  const head = node(page, label).locator('.node-head');
  await expect.poll(async () => {
    if (await page.locator('.react-flow.detail-full').count()) return true;
    const b = (await head.boundingBox())!;
    await page.mouse.move(b.x + 12, b.y + 8);
    await page.mouse.wheel(0, -200);
    return false;
  }, { timeout: 15_000 }).toBe(true);
  return head;
}

async function request(page: Page, text: string): Promise<void> {
  await page.locator('input[type=file]').setInputFiles({ name: 'example.jpg', mimeType: 'image/jpeg', buffer: readFileSync(engine.exampleFile) });
  await expect(page.locator('form.composer').getByRole('list', { name: 'Attachments' })).toContainText('example.jpg');
  await page.getByRole('textbox', { name: 'Request' }).fill(text);
  await page.getByRole('button', { name: 'Plan', exact: true }).click();
}

/** The on-screen boxes of the nodes, once React Flow has measured them and the layout has settled. */
async function settledNodeBoxes(page: Page) {
  let last = '';
  for (;;) {
    const boxes = await page.locator('.react-flow__node').evaluateAll((els) => els.map((el) => {
      const r = el.getBoundingClientRect();
      return { id: (el as unknown as { dataset: { id?: string } }).dataset.id, x: r.x, y: r.y, width: r.width, height: r.height };
    }));
    const key = JSON.stringify(boxes);
    if (key === last) return boxes;
    last = key;
    await page.waitForTimeout(300);
  }
}

function overlaps(boxes: { id?: string; x: number; y: number; width: number; height: number }[]): string[] {
  const hits: string[] = [];
  for (const [i, a] of boxes.entries()) {
    for (const b of boxes.slice(i + 1)) {
      if (a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height) hits.push(`${a.id}/${b.id}`);
    }
  }
  return hits;
}

test('two requests: each answer keeps its own media; no overlap at 1280x720 and 1920x1080; the session survives reload and restart', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(engine.server.url);
  await request(page, SEED_REQUEST);
  await expect(node(page, LABELS[4])).toHaveAttribute('data-status', 'pending');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  for (const label of LABELS) await expect(node(page, label)).toHaveAttribute('data-status', 'succeeded', { timeout: 15_000 });

  // autoRespond is on by default: the answer comes without pressing "Generate response".
  await expect(answers(page)).toHaveCount(1, { timeout: 10_000 });
  const first = answers(page).first();
  await expect(first).toContainText('Here is the girl reading');
  await expect(first.locator('audio')).toHaveCount(1);
  const firstMedia = await first.locator('img, audio').evaluateAll((els) => els.map((e) => (e as unknown as { src: string }).src));
  expect(firstMedia.length).toBeGreaterThan(1);

  // Outputs made the nodes grow: still no two nodes overlap, at either window size.
  expect(overlaps(await settledNodeBoxes(page))).toEqual([]);
  await page.screenshot({ path: 'test-results/trust-1280x720.png' });
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.getByRole('button', { name: 'Fit view', exact: true }).click();
  expect(overlaps(await settledNodeBoxes(page))).toEqual([]);
  await page.screenshot({ path: 'test-results/trust-1920x1080.png' });

  // A second request whose graph has no speech: the first answer keeps its audio and its images.
  await request(page, 'make another picture in the pose of the boy in example.jpg and describe it');
  await expect(node(page, LABELS[4])).toHaveAttribute('data-status', 'pending');
  await (await fullHead(page, LABELS[4])).click({ position: { x: 12, y: 8 } });
  await page.keyboard.press('Delete');
  await expect(page.locator('.react-flow__node')).toHaveCount(4);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(answers(page)).toHaveCount(2, { timeout: 15_000 });
  await expect(answers(page).nth(1).locator('audio')).toHaveCount(0);
  expect(await first.locator('img, audio').evaluateAll((els) => els.map((e) => (e as unknown as { src: string }).src))).toEqual(firstMedia);
  const runIds = await answers(page).evaluateAll((els) => els.map((e) => (e as unknown as { dataset: { runId?: string } }).dataset.runId));
  expect(new Set(runIds).size).toBe(2);

  // The session is in the data folder; a reload shows the same conversation and graph (once the answer is written).
  await expect(answers(page).nth(1)).not.toHaveAttribute('aria-busy', 'true');
  const chat = await page.getByRole('log', { name: 'Conversation' }).innerText();
  await expect.poll(() => sessionFile().chat.length).toBe(6);
  const positions = sessionFile().positions;
  await page.reload();
  await expect(page.locator('.react-flow__node')).toHaveCount(4);
  await expect.poll(() => page.getByRole('log', { name: 'Conversation' }).innerText()).toBe(chat);
  await expect(node(page, LABELS[3])).toHaveAttribute('data-status', 'cached');
  expect(await first.locator('img, audio').evaluateAll((els) => els.map((e) => (e as unknown as { src: string }).src))).toEqual(firstMedia);

  // ...and so does a restart of the engine.
  await engine.restart();
  await page.goto(engine.server.url);
  await expect(page.locator('.react-flow__node')).toHaveCount(4);
  await expect.poll(() => page.getByRole('log', { name: 'Conversation' }).innerText()).toBe(chat);
  expect(sessionFile().positions).toEqual(positions);
  await page.screenshot({ path: 'test-results/trust-restored.png' });
});

test('usage per run: re-running the same request makes and counts no planning call', async ({ page }) => {
  // The session restored from the previous test holds an edited graph: the new plan asks before replacing it.
  const asked: string[] = [];
  page.on('dialog', (d) => void (asked.push(d.message()), d.accept()));
  await page.goto(engine.server.url);
  await request(page, SEED_REQUEST);
  await expect(node(page, LABELS[4])).toHaveAttribute('data-status', 'pending');
  expect(asked).toEqual([expect.stringContaining('Replace the edited graph')]);
  const plans = engine.llm.requests.filter((r) => stageOf(r) === 'plan').length;
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(node(page, LABELS[4])).toHaveAttribute('data-status', /succeeded|cached/, { timeout: 15_000 });
  const runsDialog = page.getByRole('dialog', { name: 'Runs' });
  const items = runsDialog.getByRole('list', { name: 'Run history' }).getByRole('listitem');
  await page.getByRole('button', { name: 'Runs' }).click();
  await expect(items.first()).toBeVisible();
  const listed = await items.count();
  await runsDialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeEnabled();
  await fullHead(page, LABELS[0]);
  await node(page, LABELS[0]).getByRole('button', { name: 'Run from here' }).click();
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeEnabled({ timeout: 15_000 });
  await page.getByRole('button', { name: 'Runs' }).click();
  await expect(items).toHaveCount(listed + 1);
  // Newest first: the re-run made no LLM call of its own (its answer, if written, adds one).
  await expect(items.first()).not.toContainText(/LLM: [2-9]/);
  await expect(items.nth(1)).toContainText(/LLM: [2-9]/);
  expect(engine.llm.requests.filter((r) => stageOf(r) === 'plan').length).toBe(plans);
});

test('missing inputs show on the node and Run explains; multi-selection copies, pastes, deletes and moves as a set', async ({ page }) => {
  page.on('dialog', (d) => void d.accept());
  await page.goto(engine.server.url);
  await request(page, SEED_REQUEST);
  await expect(node(page, LABELS[4])).toHaveAttribute('data-status', 'pending');
  const calls = engine.hf.requests.length;

  // Deleting the task that feeds the pose-to-image task: its input is red and says so, before running.
  await (await fullHead(page, LABELS[0])).click({ position: { x: 12, y: 8 } });
  await page.keyboard.press('Delete');
  await expect(node(page, LABELS[1]).locator('[data-missing]')).toContainText('needs image input');
  await expect(node(page, LABELS[1]).locator('.handle-missing')).toHaveCount(1);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Cannot run yet' })).toContainText('task 1 (openpose-text-to-image): "image" needs image input');
  await expect(node(page, LABELS[1])).toHaveAttribute('data-status', 'pending');
  expect(engine.hf.requests.length).toBe(calls);
  await page.screenshot({ path: 'test-results/trust-missing-input.png' });
  await page.keyboard.press('Control+z');
  await expect(page.locator('.react-flow__node')).toHaveCount(5);

  // Ctrl+A selects all; copy and paste copies all; the copies are the new selection and Delete removes them.
  await expect(page.locator('.react-flow[data-layout="settled"]')).toBeVisible({ timeout: 15_000 });
  await (await fullHead(page, LABELS[2])).click({ position: { x: 12, y: 8 } });
  await page.keyboard.press('Control+a');
  await expect(page.locator('.react-flow__node.selected')).toHaveCount(5);
  await page.keyboard.press('Control+c');
  await page.keyboard.press('Control+v');
  await expect(page.locator('.react-flow__node')).toHaveCount(10);
  await expect(page.locator('.react-flow__node.selected')).toHaveCount(5);
  expect(overlaps(await settledNodeBoxes(page))).toEqual([]);
  await page.keyboard.press('Delete');
  await expect(page.locator('.react-flow__node')).toHaveCount(5);

  // Shift+click adds to the selection; dragging one selected node moves both.
  await (await fullHead(page, LABELS[2])).click({ position: { x: 12, y: 8 } });
  await (await fullHead(page, LABELS[3])).click({ position: { x: 12, y: 8 }, modifiers: ['Shift'] });
  await expect(page.locator('.react-flow__node.selected')).toHaveCount(2);
  const before = await settledNodeBoxes(page);
  const head = (await node(page, LABELS[2]).locator('.node-head').boundingBox())!;
  await page.mouse.move(head.x + 20, head.y + 8);
  await page.mouse.down();
  await page.mouse.move(head.x + 20, head.y + 108, { steps: 6 });
  await page.mouse.up();
  const after = await settledNodeBoxes(page);
  const moved = after.filter((b) => before.find((a) => a.id === b.id)!.y !== b.y).map((b) => b.id).sort();
  expect(moved).toEqual(['2', '3']);
  await expect.poll(() => sessionFile().selectedTaskIds.sort()).toEqual([2, 3]);

  // Shift+drag on the pane draws a selection box (zoomed out, so that the box starts on empty canvas).
  await page.getByRole('button', { name: 'Fit view', exact: true }).click();
  await page.locator('.react-flow__controls-zoomout').click();
  await page.locator('.react-flow__controls-zoomout').click();
  const all = await settledNodeBoxes(page);
  const left = Math.min(...all.map((b) => b.x)) - 15;
  const top = Math.min(...all.map((b) => b.y)) - 15;
  await page.mouse.click(left, top);
  await expect(page.locator('.react-flow__node.selected')).toHaveCount(0);
  await page.keyboard.down('Shift');
  await page.mouse.move(left, top);
  await page.mouse.down();
  await page.mouse.move(Math.max(...all.map((b) => b.x + b.width)) + 10, Math.max(...all.map((b) => b.y + b.height)) + 10, { steps: 8 });
  await page.mouse.up();
  await page.keyboard.up('Shift');
  await expect(page.locator('.react-flow__node.selected')).toHaveCount(5);
});

test('a swapped model shows on the node at once; a past run is read-only until "Edit from this run", and the banner stays', async ({ page }) => {
  page.on('dialog', (d) => void d.accept());
  await page.goto(engine.server.url);
  await request(page, SEED_REQUEST);
  await expect(node(page, LABELS[4])).toHaveAttribute('data-status', 'pending');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(node(page, LABELS[3])).toHaveAttribute('data-status', /succeeded|cached/, { timeout: 15_000 });

  await (await fullHead(page, LABELS[3])).click({ position: { x: 12, y: 8 } });
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  await inspector.getByRole('button', { name: 'Change model' }).click();
  const other = inspector.getByRole('list', { name: 'Candidate models' }).locator('button.candidate:not(.is-current)').first();
  const model = (await other.locator('.model-id').textContent())!;
  expect(model).not.toBe(engine.cloud['image-to-text']);
  await other.click();
  // At once, before any run: the node, and the inspector, name the new model.
  await expect(node(page, LABELS[3]).locator('.model-id')).toHaveText(model);
  await expect(node(page, LABELS[3]).locator('.task-node')).toHaveAttribute('data-changed', 'true');
  await expect(inspector).toContainText(model);

  await page.getByRole('button', { name: 'Runs' }).click();
  const runsDialog = page.getByRole('dialog', { name: 'Runs' });
  await runsDialog.getByRole('list', { name: 'Run history' }).getByRole('listitem').first().getByRole('button', { name: 'Open' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'read-only' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeDisabled();
  // The run opens in a tab of its own, framed whole (its nodes may show as summaries until zoomed in).
  await fullHead(page, LABELS[0]);
  await expect(node(page, LABELS[0]).getByRole('button', { name: 'Run from here' })).toBeDisabled();
  await (await fullHead(page, LABELS[1])).click({ position: { x: 12, y: 8 } });
  await page.keyboard.press('Delete');
  await expect(page.locator('.react-flow__node')).toHaveCount(5);
  await page.screenshot({ path: 'test-results/trust-read-only.png' });

  await page.getByRole('button', { name: 'Edit from this run' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Edited from run' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeEnabled();
});
