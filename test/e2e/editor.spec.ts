// The DAG editor in Chromium against a loopback engine speaking the `serve` protocol:
// plan streams onto the canvas, a wrong-modality wire is refused, a run updates statuses live,
// swapping the failed node's model re-runs only it and its dependents, the response streams in.
import { createHash } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { defaultSettings, toSettingsView } from '../../src-shared/settings';
import { pngBytes, startFakeEngine, type FakeEngine } from './fake-engine';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const TASKS = [
  { id: 0, task: 'object-detection', dep: [-1], args: { image: 'cat.png' } },
  { id: 1, task: 'image-to-text', dep: [0], args: { image: '<resource>-0' } },
  { id: 2, task: 'text-to-speech', dep: [1], args: { text: '<resource>-1' } },
];
const sel = (taskId: number, model: string) => ({ taskId, model, endpoint: 'huggingface', reason: `${model} is the most downloaded`, method: 'llm' });

let engine: FakeEngine;
let boxes: { hash: string; ext: string; mime: string; size: number };
let runCount = 0;

test.beforeAll(async () => {
  const boxesPng = pngBytes(80, 60, [30, 200, 90]);
  boxes = { hash: createHash('sha256').update(boxesPng).digest('hex'), ext: 'png', mime: 'image/png', size: boxesPng.length };
  engine = await startFakeEngine({
    'settings.get': () => toSettingsView({ ...defaultSettings(), llm: { ...defaultSettings().llm, apiKey: 'sk-test' }, endpoints: [{ name: 'local-vision', protocol: 'hf', url: 'http://127.0.0.1:8005', enabled: true, models: [] }] }),
    'settings.testLlm': () => ({ ok: true, message: 'gpt-4o-mini answered "OK"', latencyMs: 5 }),
    'resources.upload': ({ name, base64 }) => {
      const bytes = Buffer.from(base64, 'base64');
      const hash = createHash('sha256').update(bytes).digest('hex');
      engine.resources.set(`${hash}.png`, bytes);
      return { hash, ext: 'png', mime: 'image/png', size: bytes.length, name };
    },
    'conversation.plan': async (_params, { emit }) => {
      emit('plan.delta', { requestId: 'req-1', tasks: TASKS.slice(0, 1) });
      await sleep(50);
      emit('plan.delta', { requestId: 'req-1', tasks: TASKS.slice(0, 2) });
      await sleep(50);
      return { conversationId: 'conv-1', requestId: 'req-1', plan: { tasks: TASKS }, selections: { 0: sel(0, 'facebook/detr-resnet-50'), 1: sel(1, 'Salesforce/blip-large'), 2: sel(2, 'espnet/tts') }, issues: [], usage: { llmCalls: 2, promptTokens: 1, completionTokens: 1 } };
    },
    'catalog.candidates': ({ task }) => [
      { id: 'Salesforce/blip-large', task, downloads: 900000, likes: 10, description: 'BLIP', endpoint: 'huggingface', rank: 1 },
      { id: 'nlpconnect/vit-gpt2-image-captioning', task, downloads: 500000, likes: 5, description: 'ViT-GPT2', endpoint: 'local-vision', rank: 2 },
    ],
    'run.start': (params, { emit }) => {
      const runId = `run-${++runCount}`;
      let seq = 0;
      const ev = (body: object) => emit('run.event', { ...body, runId, seq: ++seq, at: Date.now() });
      setTimeout(() => {
        if (runId === 'run-1') {
          engine.resources.set(`${boxes.hash}.png`, boxesPng);
          ev({ type: 'run-started', taskIds: [0, 1, 2] });
          ev({ type: 'node-started', taskId: 0, model: 'facebook/detr-resnet-50', endpoint: 'huggingface', attempt: 1 });
          ev({ type: 'node-succeeded', taskId: 0, outputs: [{ port: 'image', modality: 'image', resource: boxes }, { port: 'text', modality: 'text', text: '[{"label":"cat","score":0.98}]' }], durationMs: 1234, model: 'facebook/detr-resnet-50', endpoint: 'huggingface' });
          ev({ type: 'node-started', taskId: 1, model: 'Salesforce/blip-large', endpoint: 'huggingface', attempt: 1 });
          ev({ type: 'node-failed', taskId: 1, error: { kind: 'loading', message: 'Model Salesforce/blip-large is currently loading', retriable: true, status: 503 }, attempts: [] });
          ev({ type: 'node-skipped', taskId: 2, reason: 'Task 1 failed' });
          ev({ type: 'run-finished', summary: { status: 'failed', durationMs: 1500, counts: { succeeded: 1, failed: 1, skipped: 1 } } });
        } else {
          ev({ type: 'run-started', taskIds: params.from });
          ev({ type: 'node-succeeded', taskId: 1, outputs: [{ port: 'text', modality: 'text', text: 'a cat on a sofa' }], durationMs: 300, model: params.selections[1].model, endpoint: 'local-vision' });
          ev({ type: 'node-succeeded', taskId: 2, outputs: [{ port: 'text', modality: 'text', text: 'spoken' }], durationMs: 200, model: 'espnet/tts', endpoint: 'huggingface' });
          ev({ type: 'run-finished', summary: { status: 'succeeded', durationMs: 600, counts: { succeeded: 2 } } });
        }
      }, 30);
      return { runId };
    },
    'response.generate': async (_params, { emit }) => {
      emit('response.delta', { requestId: 'resp-1', text: 'I found **a cat**' });
      await sleep(50);
      return { requestId: 'resp-1', text: `I found **a cat**. Boxes: ![boxes](/resources/${boxes.hash}.png) and ![tracker](https://remote.example/x.png)`, usage: { llmCalls: 1, promptTokens: 1, completionTokens: 1 } };
    },
  });
});
test.afterAll(async () => engine?.close());

const node = (page: Page, label: string) => page.getByRole('group', { name: label });

/** The element's box once the automatic layout and the fit-view animation have settled (the same box over 600 ms). */
async function settledBox(page: Page, selector: string) {
  let last = '';
  let same = 0;
  for (;;) {
    const box = (await page.locator(selector).boundingBox())!;
    const key = JSON.stringify(box);
    same = key === last ? same + 1 : 0;
    if (same >= 3) return box;
    last = key;
    await page.waitForTimeout(200);
  }
}

async function drag(page: Page, from: string, to: string) {
  await settledBox(page, to);
  const a = await settledBox(page, from);
  const b = await settledBox(page, to);
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 8 });
  await page.mouse.up();
}

test('plan, refuse a wrong wire, run, swap the failed model, re-run only what changed, respond', async ({ page }) => {
  await page.goto(engine.url);
  await expect(page.locator('.react-flow__node')).toHaveCount(0);
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('dialog', { name: 'Settings' })).toContainText('local-vision');
  await page.getByRole('button', { name: 'Close', exact: true }).click();

  await page.locator('input[type=file]').setInputFiles({ name: 'cat.png', mimeType: 'image/png', buffer: pngBytes() });
  await expect(page.getByRole('list', { name: 'Attachments' })).toContainText('cat.png');
  await page.getByRole('textbox', { name: 'Request' }).fill('Find the objects in cat.png, describe them and read it aloud');
  await page.getByRole('button', { name: 'Plan', exact: true }).click();

  for (const label of ['Task 0: object-detection', 'Task 1: image-to-text', 'Task 2: text-to-speech']) {
    await expect(node(page, label)).toHaveAttribute('data-status', 'pending');
  }
  const planCall = engine.calls.find((c) => c.method === 'conversation.plan')!;
  expect(planCall.params.attachments[0]).toMatchObject({ name: 'cat.png', resource: { ext: 'png' } });
  await expect(node(page, 'Task 0: object-detection').locator('img')).toHaveJSProperty('complete', true);
  await expect(node(page, 'Task 1: image-to-text').locator('.node-model')).toHaveAttribute('title', /Salesforce\/blip-large is the most downloaded/);

  await expect(page.locator('.react-flow[data-layout="settled"]')).toBeVisible({ timeout: 15_000 });
  await drag(page, '[data-nodeid="2"][data-handleid="out:audio"]', '[data-nodeid="1"][data-handleid="in:image"]');
  await expect(page.getByRole('alert')).toContainText(/produces audio.*needs image/);

  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(node(page, 'Task 0: object-detection')).toHaveAttribute('data-status', 'succeeded');
  await expect(node(page, 'Task 1: image-to-text')).toHaveAttribute('data-status', 'failed');
  await expect(node(page, 'Task 2: text-to-speech')).toHaveAttribute('data-status', 'skipped');
  const output = node(page, 'Task 0: object-detection').locator(`img[src="/resources/${boxes.hash}.png"]`);
  await expect.poll(() => output.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBe(80);
  await expect(node(page, 'Task 1: image-to-text')).toContainText('loading');

  await node(page, 'Task 1: image-to-text').locator('.node-head').click();
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  await expect(inspector).toContainText('HTTP 503');
  await inspector.getByRole('button', { name: 'Swap model and retry' }).click();
  await inspector.getByRole('button', { name: /nlpconnect\/vit-gpt2-image-captioning/ }).click();
  await expect(node(page, 'Task 1: image-to-text')).toHaveAttribute('data-status', 'succeeded');
  await expect(node(page, 'Task 2: text-to-speech')).toHaveAttribute('data-status', 'succeeded');
  await expect(node(page, 'Task 0: object-detection')).toHaveAttribute('data-status', 'succeeded');
  const rerun = engine.calls.filter((c) => c.method === 'run.start')[1].params;
  expect(rerun).toMatchObject({ conversationId: 'conv-1', from: [1], baseRunId: 'run-1' });
  expect(rerun.selections[1]).toMatchObject({ model: 'nlpconnect/vit-gpt2-image-captioning', endpoint: 'local-vision', method: 'user' });

  await page.getByRole('button', { name: 'Generate response' }).click();
  const log = page.getByRole('log', { name: 'Conversation' });
  await expect(log).toContainText('I found a cat. Boxes:');
  await expect(log.locator(`img[src="/resources/${boxes.hash}.png"]`).first()).toBeVisible();
  await expect(log).toContainText('[image not loaded: tracker]');
  await expect(log.locator('img[src^="https://"]')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/editor.png' });
});

test('add a task from the palette, delete it with the keyboard, undo brings it back, copy and paste it', async ({ page }) => {
  // A smaller window than the default: the palette must still open above the empty-canvas hint.
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(engine.url);
  await page.getByRole('button', { name: '+ Add task' }).click();
  await page.getByRole('searchbox', { name: 'Search task types' }).fill('speech');
  await page.getByRole('button', { name: /^text-to-speech/ }).click();
  await expect(node(page, 'Task 0: text-to-speech')).toHaveAttribute('data-status', 'pending');
  await expect(page.getByRole('complementary', { name: 'Inspector' })).toContainText('Task 0: text-to-speech');
  await node(page, 'Task 0: text-to-speech').locator('.node-head').click();
  await page.keyboard.press('Delete');
  await expect(page.locator('.react-flow__node')).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(node(page, 'Task 0: text-to-speech')).toBeVisible();
  await page.keyboard.press('Control+Shift+z');
  await expect(page.locator('.react-flow__node')).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await node(page, 'Task 0: text-to-speech').locator('.node-head').click();
  await page.keyboard.press('Control+c');
  await page.keyboard.press('Control+v');
  await expect(node(page, 'Task 1: text-to-speech')).toHaveAttribute('data-status', 'pending');
  await expect(page.locator('.react-flow__node')).toHaveCount(2);
});
