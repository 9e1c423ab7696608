// Gestures on the React Flow canvas for the UI benchmark, and the frame times they cost.
import type { Page } from 'playwright-core';

/** Mouse steps per gesture (one pointer move each). */
export const MOVE_STEPS = 90;

/** Records requestAnimationFrame deltas (ms) in the page while `during` runs. */
export async function recordFrames(page: Page, during: () => Promise<void>): Promise<number[]> {
  // A string, not a function: tsx's name-keeping helper (__name) does not exist in the page.
  await page.evaluate(`(() => {
    window.__frames = [];
    window.__recording = true;
    let last = 0;
    const tick = (t) => {
      window.__frames.push(t - last);
      last = t;
      if (window.__recording) requestAnimationFrame(tick);
    };
    requestAnimationFrame((t) => { last = t; requestAnimationFrame(tick); });
  })()`);
  await during();
  return page.evaluate<number[]>('(() => { window.__recording = false; return window.__frames; })()');
}

/**
 * Where a gesture can start, in page coordinates: a point of empty canvas (`pane`, found by hit-testing a grid:
 * at a readable zoom a large graph covers the middle), or the header of a node well inside the canvas.
 */
const START_POINT = `((what) => {
  const pane = document.querySelector('.react-flow__pane').getBoundingClientRect();
  const inner = { left: pane.left + 40, top: pane.top + 60, right: pane.right - 360, bottom: pane.bottom - 200 };
  if (what === 'node') {
    for (const head of document.querySelectorAll('.react-flow__node .node-head')) {
      const b = head.getBoundingClientRect();
      if (b.left > inner.left && b.top > inner.top && b.right < inner.right && b.bottom < inner.bottom) {
        return { x: b.left + b.width / 2, y: b.top + b.height / 2, id: head.closest('.react-flow__node').getAttribute('data-id') };
      }
    }
    return null;
  }
  for (let y = inner.top; y < inner.bottom; y += 15) {
    for (let x = inner.left; x < inner.right; x += 15) {
      const hit = document.elementFromPoint(x, y);
      if (hit && hit.classList.contains('react-flow__pane')) return { x, y, id: null };
    }
  }
  return null;
})`;

/** What a gesture should change: the viewport's transform (pan) or the dragged node's transform. */
const transformOf = (page: Page, id: string | null) =>
  page.evaluate<string | null>(`(${JSON.stringify(id)} === null ? document.querySelector('.react-flow__viewport') : document.querySelector('.react-flow__node[data-id="' + CSS.escape(${JSON.stringify(id)}) + '"]'))?.style.transform ?? null`);

/** Drags from empty canvas (a pan) or from a node's header (a node move) by dx, dy; throws when nothing moved. */
export async function dragOnCanvas(page: Page, what: 'pane' | 'node', dx: number, dy: number): Promise<void> {
  const start = await page.evaluate<{ x: number; y: number; id: string | null } | null>(`${START_POINT}(${JSON.stringify(what)})`);
  if (!start) throw new Error(`no ${what === 'pane' ? 'empty canvas' : 'node header'} inside the canvas to drag from`);
  const before = await transformOf(page, start.id);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x + dx, start.y + dy, { steps: MOVE_STEPS });
  await page.mouse.up();
  if ((await transformOf(page, start.id)) === before) throw new Error(`dragging the ${what} did not move it`);
}
