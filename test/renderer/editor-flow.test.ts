// The editor's pure parts: remembered layout prefs, per-frame batching, wires into empty canvas, shortcuts, LLM gate.
import { describe, expect, it } from 'vitest';
import type { InvokeChannel } from '../../src-shared/contract';
import { defaultSettings, toSettingsView } from '../../src-shared/settings';
import { findTaskType, TASK_TYPES } from '../../src-shared/tasks';
import { createFrameBatcher } from '../../src-renderer/app/frame-batcher';
import { createLlmStatusStore, planBlocked } from '../../src-renderer/app/llm-status';
import { appShortcut } from '../../src-renderer/app/shortcuts';
import { createUiPrefsStore, parseUiPrefs, PANEL_WIDTH } from '../../src-renderer/app/ui-prefs';
import { detailAt, fitViewOptions, READABLE_ZOOM } from '../../src-renderer/canvas/fit-view';
import { connectionToNewTask, fitsWire, wireEnd } from '../../src-renderer/canvas/wire-drop';
import { connectTasks } from '../../src-renderer/store/graph-edits';
import { fakeClient, type Handler } from './fake-client';

describe('layout prefs', () => {
  it('survive a reload through storage, and a damaged entry falls back to the defaults field by field', () => {
    const saved = new Map<string, string>();
    const storage = { getItem: (k: string) => saved.get(k) ?? null, setItem: (k: string, v: string) => void saved.set(k, v) };
    createUiPrefsStore(storage).getState().update({ chatWidth: 410, inspectorCollapsed: true, minimap: false });
    expect(createUiPrefsStore(storage).getState()).toMatchObject({ chatWidth: 410, inspectorCollapsed: true, minimap: false, inspectorWidth: 320 });
    expect(parseUiPrefs('{"chatWidth": 99999, "minimap": "yes"}')).toMatchObject({ chatWidth: PANEL_WIDTH.max, minimap: true });
    expect(parseUiPrefs('not json')).toMatchObject({ chatWidth: 300, chatCollapsed: false });
  });
});

describe('frame batcher', () => {
  it('delivers every item of one frame once, in order; flush delivers now, cancel drops', () => {
    const frames: (() => void)[] = [];
    const delivered: number[][] = [];
    const batcher = createFrameBatcher<number>((b) => delivered.push(b), (run) => { frames.push(run); return () => frames.splice(frames.indexOf(run), 1); });
    for (let i = 0; i < 200; i++) batcher.push(i);
    expect(frames).toHaveLength(1);
    frames[0]();
    expect(delivered).toEqual([Array.from({ length: 200 }, (_, i) => i)]);
    batcher.push(7);
    batcher.flush();
    expect(delivered.at(-1)).toEqual([7]);
    expect(frames).toHaveLength(0);
    batcher.push(8);
    batcher.cancel();
    expect(delivered).toHaveLength(2);
  });
});

describe('a wire dropped on empty canvas', () => {
  const tasks = [{ id: 0, task: 'text-to-speech', dep: [-1], args: { text: 'hello' } }];

  it('offers only task types that take (or give) the wire modality, and connects the new task to the right port', () => {
    const fromAudio = wireEnd(tasks[0], 'audio', 'source')!;
    expect(fromAudio.modality).toBe('audio');
    const fits = TASK_TYPES.filter(fitsWire(fromAudio)).map((t) => t.type);
    expect(fits).toContain('automatic-speech-recognition');
    expect(fits).not.toContain('text-to-image');
    const asr = findTaskType('automatic-speech-recognition')!;
    const req = connectionToNewTask(fromAudio, asr, 1)!;
    expect(req).toEqual({ source: 0, sourcePort: 'audio', target: 1, targetPort: 'audio' });
    const withAsr = [...tasks, { id: 1, task: 'automatic-speech-recognition', dep: [-1], args: { audio: '' } }];
    const done = connectTasks(withAsr, req);
    expect(done.ok && done.tasks[1]).toMatchObject({ dep: [0], args: { audio: '<resource>-0' } });

    const intoText = wireEnd(tasks[0], 'text', 'target')!;
    const giver = findTaskType('image-to-text')!;
    expect(fitsWire(intoText)(giver)).toBe(true);
    expect(connectionToNewTask(intoText, giver, 2)).toEqual({ source: 2, sourcePort: 'text', target: 0, targetPort: 'text' });
    expect(wireEnd(tasks[0], 'nope', 'source')).toBeUndefined();
  });
});

describe('fit view and level of detail', () => {
  it('never frames below the readable zoom, keeps the minimap corner clear, and summarises nodes when zoomed out', () => {
    expect(fitViewOptions(true)).toMatchObject({ minZoom: READABLE_ZOOM, padding: { bottom: '140px' } });
    expect(fitViewOptions(false).padding).toMatchObject({ bottom: '24px' });
    expect([1, 0.7, 0.69, 0.45, 0.44, 0.3].map(detailAt)).toEqual(['full', 'full', 'summary', 'summary', 'far', 'far']);
  });
});

describe('app shortcuts', () => {
  const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }> = {}, target: EventTarget | null = null) =>
    appShortcut({ key: k, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, target, ...mods });
  it('maps Ctrl/Cmd+Enter to run, Ctrl+S to save, ? to help', () => {
    expect(key('Enter', { ctrlKey: true })).toBe('run');
    expect(key('Enter', { metaKey: true })).toBe('run');
    expect(key('S', { ctrlKey: true })).toBe('save');
    expect(key('?')).toBe('help');
    expect(key('Enter')).toBeUndefined();
    expect(key('s')).toBeUndefined();
  });
  it('maps Ctrl+T, Ctrl+W, Ctrl+Tab and Ctrl+Shift+Tab (or Ctrl+PageDown/PageUp) to the tabs', () => {
    expect(key('t', { ctrlKey: true })).toBe('new-tab');
    expect(key('w', { metaKey: true })).toBe('close-tab');
    expect(key('W', { ctrlKey: true, shiftKey: true })).toBeUndefined();
    expect(key('Tab', { ctrlKey: true })).toBe('next-tab');
    expect(key('Tab', { ctrlKey: true, shiftKey: true })).toBe('previous-tab');
    expect(key('PageUp', { ctrlKey: true })).toBe('previous-tab');
    expect(key('Tab')).toBeUndefined();
  });
});

describe('the LLM gate on Plan', () => {
  const client = (answers: Partial<Record<InvokeChannel, Handler>>) => fakeClient(answers).client;
  const configured = toSettingsView({ ...defaultSettings(), llm: { ...defaultSettings().llm, apiKey: 'sk-x' } });

  it('blocks planning with the reason when no LLM is set up or it does not answer, not when the check itself fails', async () => {
    const none = createLlmStatusStore(client({ 'settings.get': () => toSettingsView(defaultSettings()) }));
    await none.getState().check();
    expect(none.getState()).toMatchObject({ readiness: 'unconfigured', message: expect.stringMatching(/No LLM is set up/) });
    expect(planBlocked(none.getState())).toBe(true);

    const down = createLlmStatusStore(client({ 'settings.get': () => configured, 'settings.testLlm': () => ({ ok: false, message: 'connection refused' }) }));
    await down.getState().check();
    expect(down.getState().message).toMatch(/did not answer: connection refused/);
    expect(planBlocked(down.getState())).toBe(true);

    const up = createLlmStatusStore(client({ 'settings.get': () => configured, 'settings.testLlm': () => ({ ok: true, message: 'OK', latencyMs: 12 }) }));
    await up.getState().check();
    expect(up.getState()).toMatchObject({ readiness: 'reachable', message: 'gpt-4o-mini answered in 12 ms' });
    expect(planBlocked(up.getState())).toBe(false);

    const unknown = createLlmStatusStore(client({}));
    await unknown.getState().check();
    expect(unknown.getState().readiness).toBe('unknown');
    expect(planBlocked(unknown.getState())).toBe(false);
  });
});
