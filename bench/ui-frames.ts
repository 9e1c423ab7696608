// The canvas at scale, in Chromium against the real `hugginggpt serve` (built CLI and renderer) with the fake
// LLM planning an N-task graph. Each step runs RUNS times, each on a fresh server, data folder and browser
// context (bench/support/studio-page.ts says why); figures are medians. Times come from the page's own clock:
// from the page receiving the plan (its first `plan.delta` message) to the first animation frame showing it
// (showsGraph: the nodes React Flow renders shown, none waiting for a size, the edges between them drawn; a
// large graph renders only the nodes in view), with the main thread's CPU time beside (a
// Chromium trace); frame times are requestAnimationFrame deltas while Playwright's mouse pans the canvas and drags a node.
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import type { PlanTask } from '../src-shared/plan';
import { startFakeLlm } from '../test/support/fake-llm';
import { log, median, round, type Bench, type BenchResult, type Figure } from './support/figure';
import { randomDag } from './support/graphs';
import { dragOnCanvas, recordFrames } from './support/canvas-gestures';
import { traceMainThread } from './support/main-thread-cpu';
import { dependencyPairs } from '../test/support/dependency-pairs';
import { firstFrame, showsGraph, startSampling, stopSampling, withFreshStudio, type FreshStudio } from './support/studio-page';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SIZES = [200, 500];
const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const VIEWPORT = { width: 1440, height: 900 };
/** The graph size whose plan is also streamed in token-sized chunks. */
const STREAMED = 200;
/** Characters per streamed chunk (about 2 tokens), as the fake LLM streams by default. */
const TOKEN_CHUNK = 7;
/** Fresh runs of each step; the figures are their medians. */
const RUNS = 3;

/** Runs `step` RUNS times and keeps the median of each measurement (every run stays in `runs`). */
async function medianOfRuns(step: () => Promise<Record<string, number>>): Promise<{ median: Record<string, number>; runs: Record<string, number>[] }> {
  const runs: Record<string, number>[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await step());
  return { median: Object.fromEntries(Object.keys(runs[0]).map((k) => [k, median(runs.map((r) => r[k]))])), runs };
}

/** The canvas timings of one plan, in ms on the page's clock. */
type PlanTiming = {
  fromClick: number; fromFirstDelta: number; fromLastDelta: number; settledFromFirstDelta: number; deltas: number; lastDeltaTasks: number;
  /** Nodes shown and edges drawn when the graph was first on screen (a large graph renders the nodes in view). */
  shownNodes: number; drawnEdges: number;
  /** Main-thread CPU time from the first delta to the graph shown, and from the last delta to its graph shown. */
  cpuFromFirstDelta: number; cpuFromLastDelta: number;
};

/** Whether planning has ended (the page's "Planning…" hint is gone) after at least one plan.delta. */
const planningEnded = () => {
  const page = globalThis as unknown as { __canvasBench: { deltas: unknown[] }; document: { querySelectorAll(s: string): Iterable<{ textContent: string | null }> } };
  return page.__canvasBench.deltas.length > 0 && ![...page.document.querySelectorAll('.hint')].some((h) => h.textContent === 'Planning…');
};

/**
 * Asks for a plan of `n` tasks through the UI and times the canvas. The engine refuses plans over
 * MAX_PLAN_TASKS after one repair round; the fake LLM repeats the plan when asked to repair it, so the
 * canvas streams it twice and keeps it when planning fails. Returns once planning ended and the layout settled.
 */
async function planOnCanvas(page: Page, plan: readonly PlanTask[]): Promise<PlanTiming> {
  const n = plan.length;
  await page.getByRole('textbox', { name: 'Request' }).fill(`plan ${n} tasks`);
  await startSampling(page);
  const trace = await traceMainThread(page);
  await page.getByRole('button', { name: 'Plan', exact: true }).click();
  // A function, not a string: the page's CSP forbids evaluating strings in waitForFunction.
  await page.waitForFunction(planningEnded, undefined, { timeout: 180_000, polling: 100 });
  await page.locator('.react-flow[data-layout="settled"]').waitFor({ timeout: 60_000 });
  const marks = await stopSampling(page);
  const cpu = await trace.stop();
  if (marks.clicked === undefined) throw new Error('the page saw no click on Plan');
  const [first] = marks.deltas[0];
  const [last, lastTasks] = marks.deltas[marks.deltas.length - 1];
  // On screen: the nodes React Flow renders all shown and the edges between them drawn (every node of a small
  // graph; the nodes in view of a large one, which test/e2e/large-graph.spec.ts checks).
  const pairs = dependencyPairs(plan);
  // The app applies a delta in the animation frame after it arrives, after that frame's sample (the sampler's
  // callback was queued first): only the samples after that one can show it.
  const applied = (at: number) => firstFrame(marks, at, () => true, 'a frame after the delta').at + 0.001;
  const shown = firstFrame(marks, applied(first), (f) => showsGraph(f, pairs), 'the plan on screen');
  const pending = firstFrame(marks, first, (f) => f.pending, 'a layout pending');
  const settled = firstFrame(marks, pending.at, (f) => !f.pending, 'the layout settled');
  const caughtUp = firstFrame(marks, applied(last), (f) => showsGraph(f, pairs), `the last delta's ${lastTasks} tasks on screen`);
  return {
    fromClick: shown.at - marks.clicked, fromFirstDelta: shown.at - first, fromLastDelta: caughtUp.at - last, settledFromFirstDelta: settled.at - first,
    deltas: marks.deltas.length, lastDeltaTasks: lastTasks, shownNodes: shown.shown.length, drawnEdges: shown.edges.length,
    cpuFromFirstDelta: cpu.cpuMs(first, shown.at), cpuFromLastDelta: cpu.cpuMs(last, caughtUp.at),
  };
}

/** Plans an N-task graph (streamed in one chunk), then pans and drags a node; the figures of this size. */
async function measureSize({ page }: FreshStudio, plan: readonly PlanTask[]): Promise<Record<string, number>> {
  const n = plan.length;
  const load = loadavg()[0];
  const timing = await planOnCanvas(page, plan);
  const pan = await recordFrames(page, () => dragOnCanvas(page, 'pane', -300, -150));
  const drag = await recordFrames(page, () => dragOnCanvas(page, 'node', 250, 120));
  const frames = [...pan, ...drag];
  const sorted = [...frames].sort((a, b) => a - b);
  const result = { ...timing, load, frameMedian: median(frames), frameP95: sorted[Math.floor(sorted.length * 0.95)], frames: frames.length, panMedian: median(pan), dragMedian: median(drag) };
  log(`ui ${n} nodes (load ${load.toFixed(2)}): shown ${timing.fromFirstDelta.toFixed(0)} ms (main-thread CPU ${timing.cpuFromFirstDelta.toFixed(0)} ms) after the plan arrived, laid out ${timing.settledFromFirstDelta.toFixed(0)} ms; frame median ${result.frameMedian.toFixed(1)} ms, p95 ${result.frameP95.toFixed(1)} ms over ${frames.length} frames`);
  return result;
}

/** Plans a STREAMED-task graph streamed in token-sized chunks (a delta per completed task). */
async function measureStreamed({ page }: FreshStudio, plan: readonly PlanTask[]): Promise<Record<string, number>> {
  const load = loadavg()[0];
  const timing = await planOnCanvas(page, plan);
  log(`ui ${STREAMED} nodes streamed (load ${load.toFixed(2)}): ${timing.deltas} deltas, the last one's ${timing.lastDeltaTasks} nodes shown ${timing.fromLastDelta.toFixed(0)} ms (CPU ${timing.cpuFromLastDelta.toFixed(0)} ms) after it`);
  return { ...timing, load };
}

async function measure(): Promise<BenchResult> {
  const missing = [CHROMIUM, join(ROOT, 'out', 'main', 'cli.js'), join(ROOT, 'out', 'renderer', 'index.html')].filter((f) => !existsSync(f));
  if (missing.length > 0) {
    const note = `not measured: missing ${missing.join(', ')} (run the startup-and-bundle benchmark or npm run build first)`;
    return { figures: SIZES.map((n): Figure => ({ name: `ui.frameMsMedian${n}`, value: null, unit: 'ms', note })), details: { missing } };
  }
  const llm = await startFakeLlm();
  let plan: PlanTask[] = [];
  let chunkSize = TOKEN_CHUNK;
  llm.fallback((body) => (String(body.messages?.[0]?.content).startsWith('You plan the work') ? { text: JSON.stringify(plan), chunkSize } : '{"choices":[]}'));
  const work = await mkdtemp(join(tmpdir(), 'hugginggpt-bench-ui-'));
  const configFile = join(work, 'config.json');
  await writeFile(configFile, JSON.stringify({ llm: { baseURL: llm.baseURL, apiKey: 'sk-bench', model: 'gpt-4o-mini', retries: 0 }, huggingface: { enabled: true, token: 'hf_bench' } }));
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const fresh = <T>(use: (studio: FreshStudio) => Promise<T>) => withFreshStudio(browser, configFile, VIEWPORT, use, (message) => log(`page error: ${message}`));
  try {
    const bySize: Record<number, Record<string, number>> = {};
    const runsBySize: Record<number, Record<string, number>[]> = {};
    for (const n of SIZES) {
      [plan, chunkSize] = [randomDag(n, 1000 + n), 1 << 20];
      ({ median: bySize[n], runs: runsBySize[n] } = await medianOfRuns(() => fresh((studio) => measureSize(studio, plan))));
    }
    [plan, chunkSize] = [randomDag(STREAMED, 1000 + STREAMED), TOKEN_CHUNK];
    const { median: streamed, runs: streamedRuns } = await medianOfRuns(() => fresh((studio) => measureStreamed(studio, plan)));
    const figures: Figure[] = SIZES.flatMap((n): Figure[] => [
      { name: `ui.frameMsMedian${n}`, value: round(bySize[n].frameMedian, 1), unit: 'ms', target: { op: '<=' as const, limit: 16.7 }, note: `rAF deltas while panning and dragging a node, ${n} nodes; p95 ${round(bySize[n].frameP95, 1)} ms`, load: round(bySize[n].load, 1) },
      { name: `ui.planToScreenMs${n}`, value: round(bySize[n].fromFirstDelta, 0), unit: 'ms', ...(n === 500 ? { target: { op: '<=' as const, limit: 1000 } } : {}), note: `the page receiving the plan (first plan.delta) to the first frame showing it: a graph over 100 tasks renders the nodes in view, here ${bySize[n].shownNodes} nodes shown and ${bySize[n].drawnEdges} edges drawn`, load: round(bySize[n].load, 1) },
      { name: `ui.planToScreenCpuMs${n}`, value: round(bySize[n].cpuFromFirstDelta, 0), unit: 'ms', note: `the page's main-thread CPU time in that interval (Chromium trace): the wall time's floor, which an idle machine approaches`, load: round(bySize[n].load, 1) },
      { name: `ui.layoutSettledMs${n}`, value: round(bySize[n].settledFromFirstDelta, 0), unit: 'ms', note: `the plan's arrival to the automatic layout applied and the view fitted (the fit animates 200 ms)`, load: round(bySize[n].load, 1) },
      { name: `ui.firstRenderMs${n}`, value: round(bySize[n].fromClick, 0), unit: 'ms', note: `Plan clicked to the plan on screen: planning and selection in the engine included`, load: round(bySize[n].load, 1) },
    ]);
    figures.push({ name: `ui.streamedDoneMs${STREAMED}`, value: round(streamed.fromLastDelta, 0), unit: 'ms', target: { op: '<=', limit: 1500 }, note: `a ${STREAMED}-task plan streamed in ${TOKEN_CHUNK}-character chunks (${streamed.deltas} plan.delta messages: the engine asks once for a repair of a plan over 30 tasks and the fake LLM repeats it): the last one to its ${streamed.lastDeltaTasks} tasks on screen (the nodes in view shown, the edges between them drawn)`, load: round(streamed.load, 1) });
    figures.push({ name: `ui.streamedDoneCpuMs${STREAMED}`, value: round(streamed.cpuFromLastDelta, 0), unit: 'ms', note: 'the main-thread CPU time in that interval', load: round(streamed.load, 1) });
    const rounded = (v: Record<string, number>) => Object.fromEntries(Object.entries(v).map(([a, b]) => [a, round(b, 2)]));
    return {
      figures,
      details: {
        viewport: VIEWPORT, chromium: CHROMIUM, args: ARGS, runs: RUNS,
        bySize: Object.fromEntries(SIZES.map((n) => [n, { median: rounded(bySize[n]), runs: runsBySize[n].map(rounded) }])),
        streamed: { median: rounded(streamed), runs: streamedRuns.map(rounded) },
      },
    };
  } finally {
    await browser.close();
    await llm.close();
    await rm(work, { recursive: true, force: true });
  }
}

export const uiFramesBench: Bench = { name: 'ui-frames', run: measure };
