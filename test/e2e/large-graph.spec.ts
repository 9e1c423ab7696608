// A large graph in Chromium (over LARGE_GRAPH_TASKS, 100): the canvas renders only the nodes in view, yet every
// node in view is there and shown, the edges between them are drawn, panning brings the others in, an edge into
// a node out of view already ends where that node's handle turns out to be, and Fit view still frames the graph.
import { expect, test, type Page } from '@playwright/test';
import type { PlanTask } from '../../src-shared/plan';
import { defaultSettings, toSettingsView } from '../../src-shared/settings';
import type { StudioSession } from '../../src-shared/session';
import { dependencyPairs, pairsBetween } from '../support/dependency-pairs';
import { startFakeEngine, type FakeEngine } from './fake-engine';

/** Task types whose header fits on one line, with one or two inputs and outputs (the estimate's rows). */
const TYPES = [
  { task: 'summarization', args: (ref: string) => ({ text: ref }) },
  { task: 'text-to-image', args: (ref: string) => ({ text: ref, seed: '7' }) },
  { task: 'object-detection', args: (ref: string) => ({ image: ref }) },
  { task: 'image-to-text', args: (ref: string) => ({ image: ref }) },
];
/** Over the canvas's LARGE_GRAPH_TASKS (100). */
const N = 150;
/** Ten chains side by side with a cross-link every third task, so that edges run between columns and rows. */
const CHAINS = 10;
const TASKS: PlanTask[] = Array.from({ length: N }, (_, id) => {
  const type = TYPES[id % TYPES.length];
  const refs = id < CHAINS ? [] : id % 3 === 0 ? [id - CHAINS, id - CHAINS - 1] : [id - CHAINS];
  const args = type.args(refs.length ? refs.map((r) => `<resource>-${r}`).join(' and ') : 'a lighthouse at dusk');
  return { id, task: type.task, dep: refs.length ? refs : [-1], args };
});
/** Every edge as `source->target`. */
const PAIRS = dependencyPairs(TASKS);
/** Smallest and largest height a node of these types can have here (header on one line, no outputs yet). */
const MIN_HEIGHT = 120;
const MAX_HEIGHT = 400;
const WIDTH = 260;

let engine: FakeEngine;
let saved: StudioSession | undefined;

test.beforeAll(async () => {
  engine = await startFakeEngine({
    'settings.get': () => toSettingsView({ ...defaultSettings(), llm: { ...defaultSettings().llm, apiKey: 'sk-test' } }),
    'session.save': (session) => void (saved = session),
    // An LLM's oversized plan: it streams onto the canvas, and planning then refuses it (the canvas keeps it).
    'conversation.plan': (_params, { emit }) => {
      emit('plan.delta', { requestId: 'req-1', tasks: TASKS });
      throw { kind: 'plan-too-large', message: `the plan has ${N} tasks; at most 30 are allowed (nothing was run)` };
    },
  });
});
test.afterAll(async () => engine?.close());

type Rect = { x: number; y: number; width: number; height: number };
const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** The part of the flow the canvas shows (flow coordinates), from the viewport's transform and the canvas's size. */
async function visibleFlowRect(page: Page): Promise<Rect> {
  const transform = await page.locator('.react-flow__viewport').evaluate((el) => (el as unknown as { style: { transform: string } }).style.transform);
  const m = /translate\((-?[\d.]+)px, (-?[\d.]+)px\) scale\(([\d.]+)\)/.exec(transform);
  if (!m) throw new Error(`unexpected viewport transform ${transform}`);
  const [tx, ty, zoom] = m.slice(1).map(Number);
  const pane = (await page.locator('.react-flow').boundingBox())!;
  return { x: -tx / zoom, y: -ty / zoom, width: pane.width / zoom, height: pane.height / zoom };
}

/** Every edge drawn: its `source->target` pair and where its path starts and ends (flow coordinates). */
async function edgeEnds(page: Page): Promise<{ pair: string; start: number[]; end: number[] }[]> {
  const edges = await page.locator('.react-flow__edge').evaluateAll((gs) => gs.map((g) => [g.getAttribute('data-id') ?? '', g.querySelector('path')?.getAttribute('d') ?? '']));
  return edges.map(([id, d]) => {
    const numbers = [...d.matchAll(/-?[\d.]+/g)].map((m) => Number(m[0]));
    return { pair: id.split(':')[0], start: numbers.slice(0, 2), end: numbers.slice(-2) };
  });
}

/** The ids of the nodes in the DOM. */
const renderedIds = (page: Page) => page.locator('.react-flow__node').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-id') ?? ''));

/** Where every task sits (the session the page saved once the layout was applied). */
async function savedPositions(): Promise<Record<string, { x: number; y: number }>> {
  await expect.poll(() => Object.keys(saved?.tabs[0]?.positions ?? {}).length).toBe(N);
  return saved!.tabs[0].positions;
}

/** Checks that the nodes in view are rendered and shown, the ones far out of view are not, and the edges between rendered nodes are drawn. */
async function expectViewRendered(page: Page): Promise<string[]> {
  const positions = await savedPositions();
  const view = await visibleFlowRect(page);
  const inView = TASKS.filter((t) => overlaps({ ...positions[t.id], width: WIDTH, height: MIN_HEIGHT }, view)).map((t) => String(t.id));
  const farOut = TASKS.filter((t) => !overlaps({ ...positions[t.id], width: WIDTH, height: MAX_HEIGHT }, view)).map((t) => String(t.id));
  expect(inView.length).toBeGreaterThan(3);
  expect(farOut.length).toBeGreaterThan(N / 4);
  await expect.poll(async () => {
    const rendered = await page.locator('.react-flow__node').evaluateAll((nodes) => nodes.filter((n) => (n as unknown as { style: { visibility: string } }).style.visibility !== 'hidden').map((n) => n.getAttribute('data-id')));
    return { missing: inView.filter((id) => !rendered.includes(id)), renderedFarOut: farOut.filter((id) => rendered.includes(id as string)) };
  }).toEqual({ missing: [], renderedFarOut: [] });
  const rendered = new Set(await renderedIds(page));
  const drawn = new Set((await edgeEnds(page)).map((e) => e.pair));
  const between = pairsBetween(PAIRS, rendered);
  expect(between.length).toBeGreaterThan(0);
  expect(between.filter((pair) => !drawn.has(pair))).toEqual([]);
  return inView;
}

/** The little of the page's document these tests read (the Node project has no DOM types). */
type PageDocument = { document: { elementFromPoint(x: number, y: number): { classList: { contains(name: string): boolean } } | null } };

/** A point of empty canvas (no node, edge or panel under it), where a drag pans. */
async function emptyPoint(page: Page): Promise<{ x: number; y: number }> {
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  for (let fy = 0.9; fy > 0.1; fy -= 0.05) {
    for (let fx = 0.9; fx > 0.1; fx -= 0.05) {
      const at = { x: pane.x + pane.width * fx, y: pane.y + pane.height * fy };
      const hit = await page.evaluate(({ x, y }) => (globalThis as unknown as PageDocument).document.elementFromPoint(x, y)?.classList.contains('react-flow__pane'), at);
      if (hit) return at;
    }
  }
  throw new Error('no empty canvas to drag');
}

for (const size of [{ width: 1280, height: 720 }, { width: 1920, height: 1080 }]) {
  test(`a ${N}-task graph at ${size.width}x${size.height}: the nodes in view are rendered, panning brings in the others, Fit view frames it`, async ({ page }) => {
    saved = undefined;
    await page.setViewportSize(size);
    await page.goto(engine.url);
    await page.getByRole('textbox', { name: 'Request' }).fill(`plan ${N} tasks`);
    await page.getByRole('button', { name: 'Plan', exact: true }).click();
    await expect(page.getByRole('log', { name: 'Conversation' })).toContainText(`the plan has ${N} tasks`);
    await expect(page.locator('.react-flow[data-layout="settled"]')).toBeVisible({ timeout: 15_000 });
    const first = await expectViewRendered(page);
    expect(await page.locator('.react-flow__node').count()).toBeLessThan(N);
    await page.screenshot({ path: `test-results/large-graph-${size.width}x${size.height}.png` });
    const fitted = await visibleFlowRect(page);

    // Drag the empty canvas: other nodes come into view and are rendered and measured. An edge into (or out of)
    // a node that was out of view keeps its ends: the estimate put them where the node's handles turn out to be.
    const before = await edgeEnds(page);
    const renderedBefore = new Set(await renderedIds(page));
    const pane = (await page.locator('.react-flow__pane').boundingBox())!;
    const from = await emptyPoint(page);
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(from.x - pane.width * 0.5, from.y - pane.height * 0.5, { steps: 12 });
    await page.mouse.up();
    const panned = await expectViewRendered(page);
    expect(panned.some((id) => !first.includes(id))).toBe(true);
    const renderedAfter = new Set(await renderedIds(page));
    const after = new Map((await edgeEnds(page)).map((e) => [e.pair, e]));
    const cameIntoView = (id: string) => !renderedBefore.has(id) && renderedAfter.has(id);
    const moved = before.filter((e) => after.has(e.pair) && e.pair.split('->').some(cameIntoView)).map((e) => {
      const now = after.get(e.pair)!;
      return { pair: e.pair, shift: Math.max(...[...e.start, ...e.end].map((v, i) => Math.abs(v - [...now.start, ...now.end][i]))) };
    });
    expect(moved.length).toBeGreaterThan(0);
    expect(moved.filter((m) => m.shift > 1.5)).toEqual([]);

    // Fit view frames the graph again (React Flow would wait for unmeasured nodes forever without their
    // estimates). The frame may differ a little from the first one: nodes measured since are smaller than estimated.
    const away = await visibleFlowRect(page);
    const distance = (a: Rect, b: Rect) => Math.abs(a.x - b.x) + Math.abs(a.y - b.y);
    expect(distance(away, fitted)).toBeGreaterThan(300);
    await page.getByRole('button', { name: 'Fit view' }).first().click();
    await expect.poll(async () => distance(await visibleFlowRect(page), fitted)).toBeLessThan(60);
    await expectViewRendered(page);
  });
}
