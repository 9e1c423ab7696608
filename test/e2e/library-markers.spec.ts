// Damaged and interrupted records in the app's lists, against the real `hugginggpt serve` over a data folder
// prepared as a crash and a full disk leave it: a torn workflow file, a workflow file from a newer version, a
// torn run.json, and a run whose process died mid-way. The lists say which is which and why; a damaged entry
// cannot be opened or run; an interrupted run opens read-only with what had finished.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startServe, type ServeProcess } from './serve-process';

const DEAD_PID = 2 ** 22 + 12345; // above Linux's pid_max: no such process
const TORN_RUN = '20260101-000000-aaaaaa';
const CUT_RUN = '20260102-000000-bbbbbb';
const dataDir = mkdtempSync(join(tmpdir(), 'hgs-e2e-markers-'));
let server: ServeProcess;

/** A run.json as the recorder writes it at the start of a run: status running, the first node done. */
function runningRecord(runId: string) {
  return {
    version: 1, runId, status: 'running', startedAt: Date.UTC(2026, 0, 2), pid: DEAD_PID,
    context: { request: 'classify the photo, then summarize the labels' },
    tasks: [
      { id: 0, task: 'text-classification', dep: [-1], args: { text: 'what a lovely day' } },
      { id: 1, task: 'summarization', dep: [0], args: { text: '<resource>-0' } },
    ],
    selections: {},
    execution: {},
    results: { 0: { status: 'succeeded', outputs: [{ port: 'text', text: 'POSITIVE (0.99)' }], attempts: [] } },
  };
}

test.beforeAll(async () => {
  const workflows = join(dataDir, 'workflows');
  mkdirSync(workflows, { recursive: true });
  writeFileSync(join(workflows, 'half-written.json'), '{"version": 1, "name": "Pose rea');
  writeFileSync(join(workflows, 'from-the-future.json'), JSON.stringify({ version: 99, name: 'From the future' }));
  mkdirSync(join(dataDir, 'runs', TORN_RUN), { recursive: true });
  writeFileSync(join(dataDir, 'runs', TORN_RUN, 'run.json'), '{"version": 1, "runId": "2026');
  mkdirSync(join(dataDir, 'runs', CUT_RUN), { recursive: true });
  writeFileSync(join(dataDir, 'runs', CUT_RUN, 'run.json'), JSON.stringify(runningRecord(CUT_RUN)));
  server = await startServe(['--data-dir', dataDir], { OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: 'http://127.0.0.1:9/v1' });
});

test.afterAll(() => server?.stop());

test('damaged workflow files are listed with the reason and cannot be run or opened', async ({ page }) => {
  await page.goto(server.url);
  await page.getByRole('button', { name: 'Workflows' }).click();
  const panel = page.getByRole('dialog', { name: 'Workflows' });
  const torn = panel.getByRole('listitem', { name: 'half-written.json' });
  const future = panel.getByRole('listitem', { name: 'from-the-future.json' });
  await expect(torn).toHaveAttribute('data-marker', 'damaged');
  await expect(torn).toContainText('Damaged');
  await expect(torn).toContainText('not valid JSON');
  await expect(future).toContainText(/newer|99/);
  for (const label of ['Run…', 'Open', 'Export']) {
    const button = torn.getByRole('button', { name: label });
    await expect(button).toBeDisabled();
    await expect(button).toHaveAccessibleDescription(/not valid JSON/);
  }
  await page.screenshot({ path: 'test-results/library-markers-workflows.png' });
  // Nothing was rewritten: the file is as the crash left it.
  expect(readFileSync(join(dataDir, 'workflows', 'half-written.json'), 'utf8')).toBe('{"version": 1, "name": "Pose rea');

  // Deleting moves the damaged file to the trash, where it stays marked and cannot be restored.
  await torn.getByRole('button', { name: 'Delete' }).click();
  await expect(panel.getByRole('status')).toContainText('Moved the damaged file half-written.json to workflows/.trash/');
  await expect(torn).toHaveCount(0);
  await panel.getByLabel('Deleted').check();
  const trashed = panel.getByRole('list', { name: 'Deleted workflows' }).getByRole('listitem', { name: 'half-written.json' });
  await expect(trashed).toContainText('Damaged');
  await expect(trashed.getByRole('button', { name: 'Restore' })).toBeDisabled();
});

test('a torn run is marked damaged and cannot be opened; an interrupted run says so and opens read-only', async ({ page }) => {
  await page.goto(server.url);
  await page.getByRole('button', { name: 'Runs' }).click();
  const runs = page.getByRole('dialog', { name: 'Runs' });
  const list = runs.getByRole('list', { name: 'Run history' });
  const torn = list.getByRole('listitem', { name: `Run ${TORN_RUN} (damaged)` });
  const cut = list.getByRole('listitem', { name: 'classify the photo, then summarize the labels (cancelled)' });

  await expect(torn).toHaveAttribute('data-marker', 'damaged');
  await expect(torn).toContainText('run.json cannot be read');
  await expect(torn.getByRole('button', { name: 'Open' })).toBeDisabled();
  await expect(torn.getByRole('button', { name: 'Open' })).toHaveAccessibleDescription(/run\.json cannot be read/);
  await expect(torn.getByRole('checkbox')).toBeDisabled();

  await expect(cut).toHaveAttribute('data-marker', 'interrupted');
  await expect(cut).toContainText('Interrupted');
  await expect(cut).toContainText('1 succeeded · 1 cancelled');
  await expect(cut.getByRole('button', { name: 'Open' })).toHaveAccessibleDescription(/stopped before this run ended/);
  await page.screenshot({ path: 'test-results/library-markers-runs.png' });

  await cut.getByRole('button', { name: 'Open' }).click();
  await expect(runs).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Past run (read-only)' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Task 0: text-classification' })).toHaveAttribute('data-status', 'succeeded');
  const unfinished = page.getByRole('group', { name: 'Task 1: summarization' });
  await expect(unfinished).toHaveAttribute('data-status', 'cancelled');
  await expect(unfinished).toContainText('the app stopped before this node finished');
  await page.screenshot({ path: 'test-results/library-markers-interrupted-run.png' });
  // The record on disk now says it was interrupted (settled once, at the first read).
  expect(JSON.parse(readFileSync(join(dataDir, 'runs', CUT_RUN, 'run.json'), 'utf8'))).toMatchObject({ status: 'cancelled', interrupted: true });
});
