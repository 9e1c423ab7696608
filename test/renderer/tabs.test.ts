// Tabs: each tab keeps its own conversation, graph, layout, runs and undo history; a run goes on in a tab not
// shown; the library opens graphs in tabs of their own; saving over the opened workflow clears the unsaved mark;
// closing a tab with unsaved edits asks; the open tabs survive a reload.
import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../../src-shared/run-events';
import { StudioSessionSchema } from '../../src-shared/session';
import { defaultSettings, toSettingsView } from '../../src-shared/settings';
import { WORKFLOW_VERSION, WorkflowSchema } from '../../src-shared/workflow';
import { createController } from '../../src-renderer/app/controller';
import { restoredState, sessionOf } from '../../src-renderer/store/session-snapshot';
import { createStudioStore } from '../../src-renderer/store/studio-store';
import { tabDocument, tabTitle } from '../../src-renderer/store/tab-document';
import { fakeClient } from './fake-client';
import { detectCaptionSpeak, planResult } from './fixtures';

const event = (runId: string, seq: number, body: object) => ({ runId, seq, at: seq, ...body }) as RunEvent;

/** A store with a planned, edited graph in its first tab. */
function plannedStudio() {
  const store = createStudioStore();
  store.getState().planRequested('detect and speak', []);
  store.getState().planReceived(planResult());
  store.getState().setPositions({ 0: { x: 10, y: 20 } });
  store.getState().setArg(0, 'image', 'other.jpg');
  return store;
}

const workflow = WorkflowSchema.parse({ version: WORKFLOW_VERSION, name: 'Pose reader', createdAt: '2026-01-01T00:00:00Z', tasks: detectCaptionSpeak(), inputs: [], models: {} });
const entry = (id = 'pose-reader', name = 'Pose reader') => ({ id, name, description: '', inputs: [], taskCount: 4, updatedAt: 1 });

describe('tabs', () => {
  it('keep each tab\'s conversation, graph, layout and undo history apart', () => {
    const store = plannedStudio();
    const first = store.getState().tabId;
    const second = store.getState().newTab()!;
    expect(store.getState()).toMatchObject({ tabId: second, tabs: [first, second], tasks: [], chat: [], edited: false, past: [] });
    store.getState().addTask('text-to-image');
    expect(tabTitle(tabDocument(store.getState(), first))).toBe('detect and speak');
    expect(tabTitle(tabDocument(store.getState(), second))).toBe('Untitled graph');

    expect(store.getState().showTab(first)).toBe(true);
    const s = store.getState();
    expect(s.tasks.find((t) => t.id === 0)?.args.image).toBe('other.jpg');
    expect(s.layout.positions[0]).toEqual({ x: 10, y: 20 });
    expect(s.chat.map((m) => m.text)).toContain('detect and speak');
    expect(s.edited).toBe(true);
    store.getState().undo();
    expect(store.getState().tasks.find((t) => t.id === 0)?.args.image).toBe('photo.jpg');
    expect(store.getState().parked[second].tasks.map((t) => t.task)).toEqual(['text-to-image']);
    // Next and previous wrap around (Ctrl+Tab, the arrow keys in the tab bar).
    expect(store.getState().showAdjacentTab(-1)).toBe(true);
    expect(store.getState().tabId).toBe(second);
    store.getState().showAdjacentTab(1);
    expect(store.getState().tabId).toBe(first);
  });

  it('let a run go on in a tab that is not shown, and leave the shown tab alone', () => {
    const store = plannedStudio();
    const first = store.getState().tabId;
    store.getState().runStarting();
    store.getState().runStarted('run-1');
    store.getState().newTab();
    store.getState().runEvent(event('run-1', 1, { type: 'node-succeeded', taskId: 0, outputs: [{ port: 'text', modality: 'text', text: 'a cat' }], durationMs: 5, model: 'm', endpoint: 'huggingface' }));
    store.getState().runEvent(event('run-1', 2, { type: 'run-finished', summary: { status: 'succeeded', durationMs: 9, counts: {} } }));
    expect(store.getState().runs).toEqual({});
    store.getState().showTab(first);
    expect(store.getState().runs[0]).toMatchObject({ status: 'succeeded', outputs: [{ text: 'a cat' }] });
    expect(store.getState().run.summary?.status).toBe('succeeded');
  });

  it('cannot be left while a plan arrives (a notice says why), and closing the last tab leaves an empty one', () => {
    const store = plannedStudio();
    const first = store.getState().tabId;
    const second = store.getState().newTab()!;
    store.getState().planRequested('another', []);
    expect(store.getState().showTab(first)).toBe(false);
    expect(store.getState().notice?.message).toMatch(/plan is still arriving/);
    store.getState().failed('no LLM', 'plan');

    store.getState().closeTab(second);
    expect(store.getState()).toMatchObject({ tabId: first, tabs: [first] });
    expect(store.getState().parked).toEqual({});
    store.getState().closeTab(first);
    expect(store.getState().tabs).toHaveLength(1);
    expect(store.getState()).toMatchObject({ tasks: [], chat: [], edited: false });
  });

  it('all survive a reload, with the tab that was shown', () => {
    const store = plannedStudio();
    const first = store.getState().tabId;
    store.getState().newTab();
    store.getState().addTask('text-to-image');
    store.getState().showTab(first);
    const saved = StudioSessionSchema.parse(JSON.parse(JSON.stringify(sessionOf(store.getState(), 5))));
    const after = createStudioStore(restoredState(saved as never)).getState();
    expect(after.tabs).toEqual(store.getState().tabs);
    expect(after.tabId).toBe(first);
    expect(after.tasks).toEqual(store.getState().tasks);
    expect(after.edited).toBe(true);
    const other = after.tabs[1];
    expect(after.parked[other].tasks.map((t) => t.task)).toEqual(['text-to-image']);
    expect(after.parked[other].edited).toBe(true);
  });
});

describe('autoRespond with tabs', () => {
  it('answers a run that finished while its tab was hidden once the tab is shown again, and only once', async () => {
    const { client, calls, emit } = fakeClient({
      'settings.get': () => toSettingsView(defaultSettings()),
      'run.start': () => ({ runId: 'run-7' }),
      'response.generate': () => ({ requestId: 'resp-1', text: 'Here is what I did.' }),
    });
    const store = plannedStudio();
    const controller = createController(client, store);
    const first = store.getState().tabId;
    await controller.run();
    store.getState().newTab();
    emit('run.event', event('run-7', 1, { type: 'run-finished', summary: { status: 'succeeded', durationMs: 9, counts: {} } }));
    await new Promise((r) => setTimeout(r, 10));
    expect(calls.filter((c) => c.channel === 'response.generate')).toHaveLength(0);

    store.getState().showTab(first);
    await expect.poll(() => store.getState().chat.at(-1)?.text).toBe('Here is what I did.');
    expect(store.getState().chat.at(-1)?.runId).toBe('run-7');
    store.getState().newTab();
    store.getState().showTab(first);
    await new Promise((r) => setTimeout(r, 10));
    expect(calls.filter((c) => c.channel === 'response.generate')).toHaveLength(1);
  });
});

describe('the library with tabs', () => {
  it('opens a workflow in a new tab, shows its tab again when it is already open, and saves over it', async () => {
    const { client, calls } = fakeClient({
      'workflows.get': () => ({ entry: entry(), workflow }),
      'workflows.save': (req) => entry(req.replaces ?? 'pose-reader-2', req.name),
    });
    const store = plannedStudio();
    const controller = createController(client, store, () => true);
    const first = store.getState().tabId;
    await controller.library.openWorkflow('pose-reader');
    const opened = store.getState().tabId;
    expect(opened).not.toBe(first);
    expect(store.getState().origin).toEqual({ kind: 'workflow', id: 'pose-reader', name: 'Pose reader' });
    expect(store.getState().parked[first].edited).toBe(true);

    store.getState().setArg(0, 'image', 'beach.jpg');
    expect(store.getState().edited).toBe(true);
    store.getState().showTab(first);
    await controller.library.openWorkflow('pose-reader');
    expect(store.getState().tabId).toBe(opened);
    expect(store.getState().tasks[0].args.image).toBe('beach.jpg');

    expect(await controller.library.saveWorkflow('Pose reader', '')).toBe(true);
    expect(calls.at(-1)).toMatchObject({ channel: 'workflows.save', req: { replaces: 'pose-reader' } });
    expect(store.getState().edited).toBe(false);
    expect(await controller.library.saveWorkflow('Pose reader 2', '', true)).toBe(true);
    expect(calls.at(-1)!.req.replaces).toBeUndefined();
    expect(store.getState().origin).toEqual({ kind: 'workflow', id: 'pose-reader-2', name: 'Pose reader 2' });
  });

  it('reuses a blank tab for what it opens, and asks before closing a tab with unsaved edits', async () => {
    const asked: string[] = [];
    let answer = false;
    const { client } = fakeClient({ 'workflows.get': () => ({ entry: entry(), workflow }) });
    const store = createStudioStore();
    const controller = createController(client, store, (q) => (asked.push(q), answer));
    await controller.library.openWorkflow('pose-reader');
    expect(store.getState().tabs).toHaveLength(1);
    store.getState().setArg(0, 'image', 'beach.jpg');

    controller.closeTab(store.getState().tabId);
    expect(asked).toEqual(['Close "Pose reader"? Its edits are not saved as a workflow and will be lost.']);
    expect(store.getState().tasks).toHaveLength(4);
    answer = true;
    controller.closeTab(store.getState().tabId);
    expect(store.getState().tasks).toHaveLength(0);
  });
});
