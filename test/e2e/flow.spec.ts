// The editor's reading and flow (issue 21) in Chromium against a loopback engine speaking the `serve` protocol:
// panels, fit view and level of detail, the output viewer, first-run guidance, wires into empty canvas, the
// palette's availability, shortcuts, focus in dialogs.
import { createHash } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { defaultSettings, toSettingsView } from '../../src-shared/settings';
import { pngBytes, startFakeEngine, type FakeEngine } from './fake-engine';

const TASKS = [
  { id: 0, task: 'object-detection', dep: [-1], args: { image: 'cat.png' } },
  { id: 1, task: 'image-to-text', dep: [0], args: { image: '<resource>-0' } },
  { id: 2, task: 'text-to-speech', dep: [1], args: { text: '<resource>-1' } },
];
const sel = (taskId: number, model: string) => ({ taskId, model, endpoint: 'huggingface', reason: `${model} is the most downloaded for this task`, method: 'llm' });
const LONG_CAPTION = 'a grey cat sleeping on a red sofa next to a window; '.repeat(40);

/** A short silent WAV (PCM 8 kHz mono), as a text-to-speech model would answer. */
function wavBytes(samples = 8000): Buffer {
  const b = Buffer.alloc(44 + samples * 2);
  b.write('RIFF', 0); b.writeUInt32LE(36 + samples * 2, 4); b.write('WAVE', 8); b.write('fmt ', 12);
  b.writeUInt32LE(16, 16); b.writeUInt16LE(1, 20); b.writeUInt16LE(1, 22); b.writeUInt32LE(8000, 24);
  b.writeUInt32LE(16000, 28); b.writeUInt16LE(2, 32); b.writeUInt16LE(16, 34); b.write('data', 36); b.writeUInt32LE(samples * 2, 40);
  return b;
}
const ref = (bytes: Buffer, ext: string, mime: string) => ({ hash: createHash('sha256').update(bytes).digest('hex'), ext, mime, size: bytes.length });

let engine: FakeEngine;
let llmConfigured = true;
const boxesPng = pngBytes(120, 90, [30, 200, 90]);
const speech = wavBytes();
const boxes = ref(boxesPng, 'png', 'image/png');
const audio = ref(speech, 'wav', 'audio/wav');

test.beforeAll(async () => {
  engine = await startFakeEngine({
    'settings.get': () => toSettingsView({ ...defaultSettings(), llm: { ...defaultSettings().llm, ...(llmConfigured ? { apiKey: 'sk-test' } : {}) } }),
    'settings.update': () => toSettingsView(defaultSettings()),
    'settings.testLlm': () => ({ ok: true, message: 'gpt-4o-mini answered "OK"', latencyMs: 5 }),
    'catalog.availability': () => [
      { task: 'text-to-image', candidates: 3, byLlm: false },
      { task: 'openpose-control', candidates: 0, byLlm: false, reason: 'No model for "openpose-control": this ControlNet task runs only on local endpoints.' },
    ],
    'catalog.candidates': ({ task }) => [{ id: `org/${task}-model`, task, downloads: 10, likes: 1, description: '', endpoint: 'huggingface', rank: 1 }],
    'conversation.select': ({ tasks }) => ({ selections: Object.fromEntries(tasks.map((t: { id: number; task: string }) => [t.id, sel(t.id, `org/${t.task}-model`)])), usage: { llmCalls: 0, promptTokens: 0, completionTokens: 0 } }),
    'resources.upload': ({ name, base64 }) => {
      const bytes = Buffer.from(base64, 'base64');
      const r = ref(bytes, 'png', 'image/png');
      engine.resources.set(`${r.hash}.png`, bytes);
      return { ...r, name };
    },
    'conversation.plan': () => ({
      conversationId: 'conv-1', requestId: 'req-1', plan: { tasks: TASKS }, issues: [], usage: { llmCalls: 2, promptTokens: 1, completionTokens: 1 },
      selections: { 0: sel(0, 'facebook/detr-resnet-50-with-a-long-model-name'), 1: sel(1, 'Salesforce/blip-image-captioning-large'), 2: sel(2, 'espnet/kan-bayashi_ljspeech_vits') },
    }),
    'run.start': (_params, { emit }) => {
      const runId = `run-${Date.now()}`;
      let seq = 0;
      const ev = (body: object) => emit('run.event', { ...body, runId, seq: ++seq, at: Date.now() });
      engine.resources.set(`${boxes.hash}.png`, boxesPng);
      engine.resources.set(`${audio.hash}.wav`, speech);
      setTimeout(() => {
        ev({ type: 'run-started', taskIds: [0, 1, 2] });
        ev({ type: 'node-succeeded', taskId: 0, outputs: [{ port: 'image', modality: 'image', resource: boxes }, { port: 'text', modality: 'text', text: 'cat (0.981) at [10,10,80,70]' }], durationMs: 900, model: 'facebook/detr-resnet-50', endpoint: 'huggingface' });
        ev({ type: 'node-succeeded', taskId: 1, outputs: [{ port: 'text', modality: 'text', text: LONG_CAPTION }], durationMs: 300, model: 'Salesforce/blip-image-captioning-large', endpoint: 'huggingface' });
        ev({ type: 'node-succeeded', taskId: 2, outputs: [{ port: 'audio', modality: 'audio', resource: audio }], durationMs: 200, model: 'espnet/kan-bayashi_ljspeech_vits', endpoint: 'huggingface' });
        ev({ type: 'run-finished', summary: { status: 'succeeded', durationMs: 1400, counts: { succeeded: 3 } } });
      }, 30);
      return { runId };
    },
    'response.generate': () => ({
      requestId: 'resp-1', usage: { llmCalls: 1, promptTokens: 1, completionTokens: 1 },
      text: `I found a cat.\n\nGenerated files:\n- [task-0-image.png](</data/resources/${boxes.hash}.png>) (task 0, object-detection, image)\n- [task-2-audio.wav](</data/resources/${audio.hash}.wav>) (task 2, text-to-speech, audio)`,
    }),
  });
});
test.afterAll(async () => engine?.close());
test.beforeEach(() => { llmConfigured = true; });

const node = (page: Page, label: string) => page.getByRole('group', { name: label });
/** The page's CSS helpers (this file is type-checked without the DOM library). */
type PageCss = { getComputedStyle(el: unknown): { transform: string; fontSize: string; outlineStyle: string }; DOMMatrixReadOnly: new (t: string) => { a: number }; document: { querySelector(s: string): unknown; activeElement: unknown } };
/** Whether the focused element is inside the dialog `d` (evaluated in the page). */
const holdsFocus = (d: { contains(e: unknown): boolean }) => d.contains((globalThis as unknown as PageCss).document.activeElement);
const zoomOf = (page: Page) => page.locator('.react-flow__viewport').evaluate((el) => {
  const w = globalThis as unknown as PageCss;
  return new w.DOMMatrixReadOnly(w.getComputedStyle(el).transform).a;
});

/** Plans the three-task request with cat.png attached, and waits for the laid-out graph. */
async function planCat(page: Page) {
  await page.locator('input[type=file]').setInputFiles({ name: 'cat.png', mimeType: 'image/png', buffer: pngBytes(120, 90, [200, 60, 60]) });
  await expect(page.getByRole('list', { name: 'Attachments' })).toContainText('cat.png');
  await page.getByRole('textbox', { name: 'Request' }).fill('Find the objects in cat.png, describe them and read it aloud');
  await page.getByRole('button', { name: 'Plan', exact: true }).click();
  await expect(page.locator('.react-flow__node')).toHaveCount(3);
}

/** Waits until an element stops moving: the same box over 600 ms (the layout starts after a short pause, then fit view animates). */
async function settled(page: Page, selector: string) {
  let last = '';
  let same = 0;
  for (;;) {
    const box = (await page.locator(selector).boundingBox())!;
    same = JSON.stringify(box) === last ? same + 1 : 0;
    if (same >= 3) return box;
    last = JSON.stringify(box);
    await page.waitForTimeout(200);
  }
}

test('side panels resize, collapse and are remembered after a reload', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(engine.url);
  const chat = page.getByRole('complementary', { name: 'Chat' });
  expect((await chat.boundingBox())!.width).toBe(300);
  const handle = page.getByRole('separator', { name: 'Chat panel width' });
  const h = (await handle.boundingBox())!;
  await page.mouse.move(h.x + 3, h.y + 200);
  await page.mouse.down();
  await page.mouse.move(h.x + 83, h.y + 200, { steps: 5 });
  await page.mouse.up();
  expect((await chat.boundingBox())!.width).toBe(380);
  await handle.focus();
  await page.keyboard.press('ArrowLeft');
  expect((await chat.boundingBox())!.width).toBe(356);
  await page.getByRole('button', { name: 'Inspector', exact: true }).click();
  await expect(page.getByRole('complementary', { name: 'Inspector' })).toBeHidden();
  const canvasWidth = (await page.getByRole('main', { name: 'Canvas' }).boundingBox())!.width;
  expect(canvasWidth).toBe(1280 - 356);
  await page.reload();
  await expect(page.getByRole('complementary', { name: 'Inspector' })).toBeHidden();
  expect((await page.getByRole('complementary', { name: 'Chat' }).boundingBox())!.width).toBe(356);
  await page.getByRole('button', { name: 'Inspector', exact: true }).click();
  await expect(page.getByRole('complementary', { name: 'Inspector' })).toBeVisible();
});

for (const size of [{ width: 1280, height: 720 }, { width: 1920, height: 1080 }]) {
  test(`fit view stays readable at ${size.width}x${size.height}; zoomed out, nodes show their summary; the minimap hides`, async ({ page }) => {
    await page.setViewportSize(size);
    await page.goto(engine.url);
    await planCat(page);
    await settled(page, '.react-flow__node[data-id="2"]');
    await page.getByRole('button', { name: 'Fit view', exact: true }).click();
    await settled(page, '.react-flow__node[data-id="2"]');
    expect(await zoomOf(page)).toBeGreaterThanOrEqual(0.5);
    // No node lies under the minimap.
    const map = (await page.locator('.react-flow__minimap').boundingBox())!;
    for (const n of await page.locator('.react-flow__node').all()) {
      const b = (await n.boundingBox())!;
      expect(b.y + b.height <= map.y || b.x + b.width <= map.x).toBe(true);
    }
    await page.screenshot({ path: `test-results/flow-fit-${size.width}x${size.height}.png` });

    // Zoomed far out: the summary (task and status) is drawn at least 11 px high on screen.
    const zoomOut = page.getByRole('button', { name: 'Zoom Out' });
    for (let i = 0; i < 6 && (await zoomOut.isEnabled()); i++) await zoomOut.click();
    await expect(page.locator('.react-flow')).toHaveClass(/detail-(summary|far)/);
    const summary = node(page, 'Task 1: image-to-text').locator('.summary-type');
    await expect(summary).toBeVisible();
    const screenFont = await summary.evaluate((el) => {
      const w = globalThis as unknown as PageCss;
      return parseFloat(w.getComputedStyle(el).fontSize) * new w.DOMMatrixReadOnly(w.getComputedStyle(w.document.querySelector('.react-flow__viewport')).transform).a;
    });
    expect(screenFont).toBeGreaterThanOrEqual(11);
    await page.screenshot({ path: `test-results/flow-summary-${size.width}x${size.height}.png` });

    await page.getByRole('button', { name: 'Minimap' }).click();
    await expect(page.locator('.react-flow__minimap')).toHaveCount(0);
    await page.getByRole('button', { name: 'Minimap' }).click();
    await expect(page.locator('.react-flow__minimap')).toHaveCount(1);
  });
}

test('selecting a task shows its full model id and the reason it was chosen', async ({ page }) => {
  await page.goto(engine.url);
  await planCat(page);
  await node(page, 'Task 0: object-detection').locator('.node-head').click();
  const model = node(page, 'Task 0: object-detection').locator('.node-model');
  await expect(model).toContainText('facebook/detr-resnet-50-with-a-long-model-name is the most downloaded for this task');
  const id = model.locator('.model-id');
  expect(await id.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  await expect(node(page, 'Task 0: object-detection').getByRole('button', { name: 'Run from here: task 0 (object-detection)' })).toBeVisible();
});

test('outputs open full size: boxes toggle, players, long text, download names; answers name files by task', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(engine.url);
  await planCat(page);
  await page.keyboard.press('Control+Enter');
  await expect(node(page, 'Task 2: text-to-speech')).toHaveAttribute('data-status', 'succeeded');

  const open = page.getByRole('button', { name: 'Open task-0-image.png (task 0 output)' });
  await open.click();
  const viewer = page.getByRole('dialog', { name: 'Task 0 · image' });
  await expect(viewer.getByRole('button', { name: 'Close' })).toBeFocused();
  const img = viewer.getByRole('img');
  await expect(img).toHaveAttribute('src', `/resources/${boxes.hash}.png`);
  expect((await img.boundingBox())!.width).toBe(120); // its own size, not the 96 px thumbnail
  await expect(viewer.getByRole('link', { name: 'Download' })).toHaveAttribute('download', 'task-0-image.png');
  await viewer.getByRole('checkbox', { name: 'Boxes' }).uncheck();
  await expect(img).not.toHaveAttribute('src', `/resources/${boxes.hash}.png`);
  await expect(img).toHaveAttribute('alt', /without boxes/);
  await page.screenshot({ path: 'test-results/flow-viewer.png' });
  // Focus stays inside: Tab from the last control wraps to the first.
  for (let i = 0; i < 6; i++) await page.keyboard.press('Tab');
  expect(await viewer.evaluate(holdsFocus)).toBe(true);
  await page.keyboard.press('Escape');
  await expect(viewer).toHaveCount(0);
  await expect(open).toBeFocused();

  await page.getByRole('button', { name: 'Open task-2-audio.wav (task 2 output)' }).click();
  const player = page.getByRole('dialog', { name: 'Task 2 · audio' }).locator('audio');
  expect((await player.boundingBox())!.width).toBeGreaterThan(400);
  await expect(page.getByRole('dialog', { name: 'Task 2 · audio' }).getByRole('link', { name: 'Download' })).toHaveAttribute('download', 'task-2-audio.wav');
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Open text text (task 1 output)' }).click();
  const text = page.getByRole('dialog', { name: 'Task 1 · text' });
  await expect(text.locator('pre')).toHaveText(LONG_CAPTION);
  await expect(text.getByRole('link', { name: 'Download' })).toHaveAttribute('download', 'task-1-text.txt');
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Generate response' }).click();
  const log = page.getByRole('log', { name: 'Conversation' });
  await expect(log).toContainText('task-0-image.png');
  await expect(log).not.toContainText(boxes.hash);
  await log.getByRole('button', { name: 'task-2-audio.wav' }).click();
  await expect(page.getByRole('dialog', { name: 'Task 2 · audio' })).toBeVisible();
});

test('a wire dropped on empty canvas offers the tasks that fit and connects the new one; the palette greys what nothing serves', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(engine.url);
  await planCat(page);
  const from = await settled(page, '[data-nodeid="2"][data-handleid="out:audio"]');
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  // Into the empty strip the fitted graph leaves at the bottom of the canvas, clear of the controls and minimap.
  await page.mouse.move(pane.x + 140, pane.y + pane.height - 40, { steps: 8 });
  await page.mouse.up();
  const palette = page.getByRole('dialog', { name: 'Tasks that take audio from task 2' });
  await expect(palette).toBeVisible();
  await expect(palette.getByRole('button', { name: /^automatic-speech-recognition/ })).toBeVisible();
  await expect(palette.getByRole('button', { name: /^text-to-image/ })).toHaveCount(0);
  await palette.getByRole('button', { name: /^automatic-speech-recognition/ }).click();
  await expect(node(page, 'Task 3: automatic-speech-recognition')).toBeVisible();
  await expect(page.locator('.react-flow__edge')).toHaveCount(3);
  await expect(node(page, 'Task 3: automatic-speech-recognition')).toContainText('← Task 2');

  await page.getByRole('button', { name: '+ Add task' }).click();
  const control = page.getByRole('button', { name: /^openpose-control/ });
  await expect(control).toHaveAttribute('aria-disabled', 'true');
  await expect(control).toContainText('runs only on local endpoints');
  await control.dispatchEvent('click');
  await expect(page.locator('.react-flow__node')).toHaveCount(4);
  await page.keyboard.press('Escape');
});

test('shortcuts: ? shows help, Ctrl+S saves, Ctrl+Enter runs; nodes show a focus ring', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(engine.url);
  await planCat(page);
  await page.locator('.react-flow__pane').click({ position: { x: 60, y: 300 } });
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toContainText('Ctrl+Enter');
  await page.keyboard.press('Escape');
  await expect(help).toHaveCount(0);
  await page.keyboard.press('Control+s');
  await expect(page.getByRole('dialog', { name: 'Save workflow' })).toBeVisible();
  await expect(page.getByRole('dialog', { name: 'Save workflow' }).getByRole('textbox', { name: 'Name' })).toBeFocused();
  await page.keyboard.press('Escape');
  const runs = engine.calls.filter((c) => c.method === 'run.start').length;
  await page.keyboard.press('Control+Enter');
  await expect.poll(() => engine.calls.filter((c) => c.method === 'run.start').length).toBe(runs + 1);
  await node(page, 'Task 1: image-to-text').focus();
  const outline = await node(page, 'Task 1: image-to-text').locator('.task-node').evaluate((el) => (globalThis as unknown as PageCss).getComputedStyle(el).outlineStyle);
  expect(outline).toBe('solid');
});

test('first launch without an LLM: guided setup opens, Plan is off with the reason and a way to fix it', async ({ page }) => {
  llmConfigured = false;
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(engine.url);
  const setup = page.getByRole('dialog', { name: 'Set up HuggingGPT Studio' });
  await expect(setup).toBeVisible();
  await expect(setup.getByLabel('LLM', { exact: true })).toHaveValue('openai');
  await setup.getByLabel('LLM', { exact: true }).selectOption('ollama');
  await expect(setup.getByLabel('Server address')).toHaveValue('http://127.0.0.1:11434/v1');
  await setup.getByRole('button', { name: 'Save and test' }).click();
  await expect(setup.getByRole('status', { name: 'LLM test' })).toContainText('The LLM answered');
  const update = engine.calls.filter((c) => c.method === 'settings.update').at(-1)!;
  expect(update.params).toEqual({ llm: { baseURL: 'http://127.0.0.1:11434/v1', model: 'llama3.1' } });
  await setup.getByRole('button', { name: 'Done' }).click();
  await page.getByRole('button', { name: /^LLM:/ }).click(); // unconfigured again in this fake: the setup opens
  expect(await setup.evaluate(holdsFocus)).toBe(true);
  await page.screenshot({ path: 'test-results/flow-setup.png' });
  await setup.getByRole('button', { name: 'Start without an LLM' }).click();
  await expect(setup).toHaveCount(0);
  await page.getByRole('textbox', { name: 'Request' }).fill('make a picture of a cat');
  await expect(page.getByRole('button', { name: 'Plan', exact: true })).toBeDisabled();
  await expect(page.locator('#plan-blocked')).toContainText('No LLM is set up yet');
  await expect(page.getByRole('button', { name: /^LLM: not set up/ })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Engine connected' })).toHaveAttribute('title', /does not test the LLM/);
  // The examples fill the request box.
  await page.getByRole('textbox', { name: 'Request' }).fill('');
  await page.getByRole('button', { name: /^Picture, then describe it aloud/ }).click();
  await expect(page.getByRole('textbox', { name: 'Request' })).toHaveValue(/lighthouse/);
  // Once set up, a new check lets Plan through; the setup does not open by itself again.
  llmConfigured = true;
  await page.getByRole('button', { name: 'Check again' }).click();
  await expect(page.getByRole('button', { name: 'Plan', exact: true })).toBeEnabled();
  await page.reload();
  await expect(page.getByRole('button', { name: /^LLM: ready/ })).toBeVisible();
  await expect(setup).toHaveCount(0);
});
