// A fresh studio for one UI measurement: its own `hugginggpt serve` (built CLI and renderer) on an empty data
// folder, a new browser context, and a page instrumented to time the canvas on the page's own clock.
//
// Why fresh every time: `serve` prints its address with `#token=...` and the app removes the fragment, so a
// second `page.goto(address)` is a same-document fragment navigation (no reload, no new WebSocket, the old
// graph stays); and a reload would restore the previous step's graph from session.json.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { pairsBetween } from '../../test/support/dependency-pairs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Starts `hugginggpt serve --port 0` and resolves with its URL (with the token fragment) once it listens. */
async function startServe(configFile: string, dataDir: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'hugginggpt.js'), 'serve', '--port', '0', '--config', configFile, '--data-dir', dataDir], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const m = /listening on (http:\/\/\S+)/.exec(stderr);
      if (m) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`hugginggpt serve exited with ${code}: ${stderr.trim()}`)));
  });
  return { url, child };
}

/**
 * Installed before the app's own scripts (a string: tsx's __name helper does not exist in the page). It notes
 * when each `plan.delta` message arrives and how many tasks it carries (a listener added in the constructor runs
 * before the app's `onmessage`), when the Plan button is clicked, and, while sampling, one sample per animation
 * frame: the ids of the nodes shown, how many nodes are in the DOM but hidden (React Flow hides a node until it
 * has a size), whether the canvas reports its automatic layout pending, and the ids of the edges drawn.
 */
const INSTRUMENT = `(() => {
  const marks = { deltas: [], clicked: undefined, frames: [], sampling: false };
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (e) => {
        if (typeof e.data !== 'string' || !e.data.startsWith('{"event":"plan.delta"')) return;
        const t = performance.now();
        marks.deltas.push([t, JSON.parse(e.data).payload.tasks.length]);
      });
    }
  };
  document.addEventListener('click', (e) => {
    const button = e.target instanceof Element ? e.target.closest('button') : null;
    if (button && button.textContent.trim() === 'Plan') marks.clicked = performance.now();
  }, true);
  const record = () => {
    const shown = [];
    let hidden = 0;
    for (const node of document.querySelectorAll('.react-flow__node')) {
      if (node.style.visibility === 'hidden') hidden += 1;
      else shown.push(node.getAttribute('data-id'));
    }
    const pending = document.querySelector('.react-flow')?.getAttribute('data-layout') === 'pending';
    const edges = [...document.querySelectorAll('.react-flow__edge')].map((e) => e.getAttribute('data-id'));
    marks.frames.push({ at: performance.now(), shown, hidden, pending, edges });
  };
  const sample = () => {
    if (!marks.sampling) return;
    record();
    requestAnimationFrame(sample);
  };
  marks.startSampling = () => { marks.frames = []; marks.sampling = true; requestAnimationFrame(sample); };
  // A last sample when stopping: what the test waited for may have happened after the last frame's sample.
  marks.stopSampling = () => { if (marks.sampling) record(); marks.sampling = false; };
  window.__canvasBench = marks;
})()`;

/** One plan.delta as the page received it: [time, tasks it carries]. */
export type DeltaMark = [at: number, tasks: number];
/** One animation frame while sampling: the ids of the nodes shown and of the edges drawn. */
export type FrameSample = { at: number; shown: string[]; hidden: number; pending: boolean; edges: string[] };
/** What the page recorded (times in ms, performance.now()). */
export type PageMarks = { deltas: DeltaMark[]; clicked?: number; frames: FrameSample[] };

/** An open studio page on its own server and data folder. */
export type FreshStudio = { page: Page; url: string };

/** Runs `use` with a studio of its own (server, data folder, browser context), then closes all of it. */
export async function withFreshStudio<T>(browser: Browser, configFile: string, viewport: { width: number; height: number }, use: (studio: FreshStudio) => Promise<T>, onPageError: (message: string) => void): Promise<T> {
  const dataDir = await mkdtemp(join(tmpdir(), 'hugginggpt-bench-ui-data-'));
  const serve = await startServe(configFile, dataDir);
  let context: BrowserContext | undefined;
  try {
    context = await browser.newContext({ viewport });
    await context.addInitScript({ content: INSTRUMENT });
    const page = await context.newPage();
    page.on('pageerror', (error) => onPageError(error.message));
    await page.goto(serve.url);
    return await use({ page, url: serve.url });
  } finally {
    await context?.close();
    // The server may still be saving the session: the folder goes once it has exited.
    const exited = new Promise((resolve) => (serve.child.exitCode !== null ? resolve(undefined) : serve.child.once('exit', resolve)));
    serve.child.kill('SIGTERM');
    await exited;
    await rm(dataDir, { recursive: true, force: true, maxRetries: 3 });
  }
}

/** Starts one sample per animation frame (call before pressing Plan). */
export const startSampling = (page: Page): Promise<void> => page.evaluate('window.__canvasBench.startSampling()');

/** Stops sampling and returns what the page recorded. */
export const stopSampling = (page: Page): Promise<PageMarks> =>
  page.evaluate<PageMarks>('(() => { const m = window.__canvasBench; m.stopSampling(); return { deltas: m.deltas, clicked: m.clicked, frames: m.frames }; })()');

/** The first sampled frame at or after `from` that satisfies `test`. */
export function firstFrame(marks: PageMarks, from: number, test: (frame: FrameSample) => boolean, what: string): FrameSample {
  const hit = marks.frames.find((frame) => frame.at >= from && test(frame));
  if (!hit) throw new Error(`no frame showed ${what}`);
  return hit;
}

/**
 * Whether a frame shows the graph: some nodes shown, none waiting hidden for a size, and an edge drawn for every
 * dependency between two shown nodes. A large graph renders only the nodes in view (which
 * test/e2e/large-graph.spec.ts checks), so for it "shown" means the nodes in view; for a smaller one, every node.
 */
export function showsGraph(frame: FrameSample, pairs: readonly string[]): boolean {
  if (frame.shown.length === 0 || frame.hidden > 0) return false;
  const drawn = new Set(frame.edges.map((id) => id.split(':')[0]));
  return pairsBetween(pairs, new Set(frame.shown)).every((pair) => drawn.has(pair));
}
