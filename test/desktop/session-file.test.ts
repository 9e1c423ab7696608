// The open session survives a reload and a restart: saved atomically in the data folder, restored as it was,
// and a corrupt file is kept aside and reported instead of silently dropped.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSessionHandlers, SessionFile } from '../../src-main/platform/session-file';
import { restoredState, sessionOf } from '../../src-renderer/store/session-snapshot';
import { createStudioStore } from '../../src-renderer/store/studio-store';
import { planResult } from '../renderer/fixtures';

const dataDir = () => mkdtempSync(join(tmpdir(), 'hgs-session-'));

function editedStudio() {
  const store = createStudioStore();
  store.getState().planRequested('detect and speak', []);
  store.getState().planReceived(planResult());
  store.getState().setPositions({ 0: { x: 1, y: 2 }, 1: { x: 300, y: 2 }, 2: { x: 600, y: 2 }, 3: { x: 1, y: 400 } });
  store.getState().selectTasks([1, 2], 2);
  store.getState().runStarting();
  store.getState().runStarted('run-1');
  store.getState().runEvent({ runId: 'run-1', seq: 1, at: 1, type: 'run-started', taskIds: [0, 1] });
  store.getState().runEvent({ runId: 'run-1', seq: 2, at: 2, type: 'node-succeeded', taskId: 0, outputs: [{ port: 'text', modality: 'text', text: 'a cat' }], durationMs: 5, model: 'm', endpoint: 'huggingface' });
  return store;
}

describe('the session file', () => {
  it('saves the session and a new window restores conversation, graph, layout, selection and results', async () => {
    const dir = dataDir();
    const handlers = createSessionHandlers(dir);
    expect(await handlers['session.load']()).toEqual({ session: null });
    const before = editedStudio().getState();
    await handlers['session.save'](sessionOf(before, 1000));
    const { session } = await createSessionHandlers(dir)['session.load']();
    const after = createStudioStore(restoredState(session!)).getState();
    expect(after.chat.map((m) => [m.role, m.text])).toEqual(before.chat.map((m) => [m.role, m.text]));
    expect(after.tasks).toEqual(before.tasks);
    expect(after.selections).toEqual(before.selections);
    expect(after.layout.positions).toEqual(before.layout.positions);
    expect(after.selectedTaskIds).toEqual([1, 2]);
    expect(after.conversationId).toBe('c1');
    expect(after.run.lastRunId).toBe('run-1');
    expect(after.runs[0]).toMatchObject({ status: 'succeeded', outputs: [{ text: 'a cat' }] });
    // A node still running when the window closed did not finish.
    expect(after.runs[1].status).toBe('cancelled');
    expect(readdirSync(dir)).toEqual(['session.json']);
  });

  it('refuses a session of the wrong shape and keeps the saved one', async () => {
    const dir = dataDir();
    const file = new SessionFile(dir);
    await file.save(sessionOf(editedStudio().getState()));
    await expect(file.save({ version: 1, tasks: 'nope' })).rejects.toMatchObject({ kind: 'invalid-session' });
    expect((await file.load()).session?.tasks).toHaveLength(4);
  });

  it('keeps a corrupt file aside and reports it', async () => {
    const dir = dataDir();
    writeFileSync(join(dir, 'session.json'), '{"version": 1, "tasks": [');
    const loaded = await new SessionFile(dir, () => new Date('2026-01-02T03:04:05Z')).load();
    expect(loaded.session).toBeNull();
    expect(loaded.problem).toMatch(/could not be read \(not valid JSON/);
    expect(readdirSync(dir)).toEqual(['session.json.corrupt-2026-01-02T03-04-05-000Z']);
    expect(readFileSync(join(dir, 'session.json.corrupt-2026-01-02T03-04-05-000Z'), 'utf8')).toContain('"tasks"');
  });

  it('writes saves in order: the last one wins', async () => {
    const dir = dataDir();
    const file = new SessionFile(dir);
    const s = sessionOf(editedStudio().getState());
    await Promise.all([1, 2, 3].map((n) => file.save({ ...s, savedAt: n })));
    expect(JSON.parse(readFileSync(join(dir, 'session.json'), 'utf8')).savedAt).toBe(3);
  });
});
