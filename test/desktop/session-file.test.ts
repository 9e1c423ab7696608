// The open session survives a reload and a restart: saved atomically in the data folder, restored as it was,
// and a corrupt file is kept aside and reported instead of silently dropped.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSessionHandlers, SessionFile } from '../../src-main/service/session-file';
import { SESSION_VERSION, type SessionDocument, type StudioSession } from '../../src-shared/session';

const dataDir = () => mkdtempSync(join(tmpdir(), 'hgs-session-'));

/** One tab's document as the renderer saves it: a planned graph, a chat, positions, a selection and one node's result. */
const aDocument = (): SessionDocument => ({
  conversationId: 'c1',
  tasks: [
    { id: 0, task: 'object-detection', dep: [-1], args: { image: 'photo.jpg' } },
    { id: 1, task: 'image-to-text', dep: [0], args: { image: '<resource>-0' } },
  ],
  selections: { 0: { taskId: 0, model: 'facebook/detr-resnet-50', endpoint: 'huggingface', reason: 'most downloaded', method: 'llm' } },
  changed: [1],
  positions: { 0: { x: 1, y: 2 }, 1: { x: 300, y: 2 } },
  selectedTaskIds: [0, 1],
  chat: [{ id: 'm1', role: 'user', text: 'detect' }, { id: 'm2', role: 'assistant', text: 'Done.', runId: 'run-1', media: [] }],
  runs: { 0: { status: 'succeeded', outputs: [{ port: 'text', modality: 'text', text: 'a cat' }], logs: [] } },
  lastRunId: 'run-1',
});

/** A session with two tabs, the second shown. */
const aSession = (savedAt = 1000): StudioSession => ({
  version: SESSION_VERSION,
  savedAt,
  activeTab: 'tab-b',
  tabs: [{ id: 'tab-a', ...aDocument(), edited: true, origin: { kind: 'workflow', id: 'pose', name: 'Pose' } }, { id: 'tab-b', ...aDocument() }],
});

describe('the session file', () => {
  it('saves the session and a new process loads it as it was', async () => {
    const dir = dataDir();
    const handlers = createSessionHandlers(dir);
    expect(await handlers['session.load']()).toEqual({ session: null });
    await handlers['session.save'](aSession());
    expect(await createSessionHandlers(dir)['session.load']()).toEqual({ session: aSession() });
    expect(readdirSync(dir)).toEqual(['session.json']);
  });

  it('refuses a session of the wrong shape and keeps the saved one', async () => {
    const dir = dataDir();
    const file = new SessionFile(dir);
    await file.save(aSession());
    await expect(file.save({ version: SESSION_VERSION, tasks: 'nope' })).rejects.toMatchObject({ kind: 'invalid-session' });
    await expect(file.save({ ...aSession(), activeTab: 'tab-gone' })).rejects.toThrow(/activeTab is not one of the tabs/);
    await expect(file.save({ ...aSession(), tabs: [] })).rejects.toMatchObject({ kind: 'invalid-session' });
    expect((await file.load()).session?.tabs.map((t) => t.tasks.length)).toEqual([2, 2]);
  });

  it('opens a session saved before tabs (version 1) as one tab, nothing lost', async () => {
    const dir = dataDir();
    writeFileSync(join(dir, 'session.json'), JSON.stringify({ version: 1, savedAt: 5, ...aDocument(), edited: true }));
    const { session, problem } = await new SessionFile(dir).load();
    expect(problem).toBeUndefined();
    expect(session).toEqual({ version: SESSION_VERSION, savedAt: 5, activeTab: 'tab-1', tabs: [{ id: 'tab-1', ...aDocument(), edited: true }] });
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
    const s = aSession();
    await Promise.all([1, 2, 3].map((n) => file.save({ ...s, savedAt: n })));
    expect(JSON.parse(readFileSync(join(dir, 'session.json'), 'utf8')).savedAt).toBe(3);
  });
});
