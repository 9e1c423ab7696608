// The workflows library and the run history through the contract handlers, with the real engine, the
// real @huggingface/inference client and a loopback Hugging Face endpoint.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanTask } from '../../src-shared/plan';
import type { Selections } from '../../src-shared/selection';
import { Conversation } from '../../src-main/engine/conversation';
import { createEngineDeps } from '../../src-main/service/engine-deps';
import { createLibraryHandlers } from '../../src-main/service/library-handlers';
import type { FakeHf } from '../support/fake-hf';
import { tinyPng } from '../support/fake-hf-media';
import type { FakeLlm } from '../support/fake-llm';
import { startSeedFakes, type SeedFakes } from '../pipeline/seed-fakes';

const DRAW = 'stabilityai/stable-diffusion-xl-base-1.0';
const CAPTION = 'Salesforce/blip-image-captioning-large';
const TASKS: PlanTask[] = [
  { id: 0, task: 'text-to-image', dep: [-1], args: { text: 'a red fox in the snow' } },
  { id: 1, task: 'image-to-text', dep: [0], args: { image: '<resource>-0' } },
];
const SELECTIONS: Selections = {
  0: { taskId: 0, model: DRAW, endpoint: 'huggingface', reason: 'draws well', method: 'llm' },
  1: { taskId: 1, model: CAPTION, endpoint: 'huggingface', reason: 'only one', method: 'only-candidate' },
};

let fakes: SeedFakes;
let llm: FakeLlm;
let hf: FakeHf;
beforeAll(async () => {
  fakes = await startSeedFakes({ cloud: { [DRAW]: 'text-to-image', [CAPTION]: 'image-to-text' } });
  ({ llm, hf } = fakes);
});
afterAll(() => fakes.close());

/** Handlers over a fresh data folder, with the events they emit. */
function setup() {
  const dataDir = mkdtempSync(join(tmpdir(), 'hgs-history-'));
  const settings = { ...fakes.settings, endpoints: [] };
  settings.execution = { ...settings.execution, retries: 0 };
  const deps = createEngineDeps({ dataDir, settings: () => settings });
  const conversations = new Map<string, Conversation>();
  const owners = new Map<string, Conversation>();
  const conversation = (id?: string) => {
    const known = id ? conversations.get(id) : undefined;
    if (known) return known;
    const made = new Conversation(deps, id);
    conversations.set(made.id, made);
    return made;
  };
  const handlers = createLibraryHandlers({ dataDir, emit: () => undefined, conversation, ownRun: (runId, owner) => owners.set(runId, owner) });
  const finished = async (runId: string) => owners.get(runId)!.respond(runId).catch(() => undefined);
  return { dataDir, handlers, conversation, owners, finished };
}

const waitFor = async (owner: Conversation, runId: string) => (await (owner as unknown as { runs: Map<string, { handle: { done: Promise<unknown> } }> }).runs.get(runId)!.handle.done);

describe('the workflows library', () => {
  it('saves the graph, lists, searches, renames, duplicates, deletes and restores', async () => {
    const { handlers, dataDir } = setup();
    const saved = await handlers['workflows.save']({ name: 'Fox caption', description: 'draw then describe', tasks: TASKS, selections: SELECTIONS, layout: { 0: { x: 1, y: 2 } } });
    expect(saved).toMatchObject({ id: 'fox-caption', name: 'Fox caption', taskCount: 2 });
    expect(saved.inputs).toEqual([{ name: 'text', modality: 'text', description: 'text for text', default: 'a red fox in the snow' }]);
    const { workflow } = await handlers['workflows.get']({ id: saved.id });
    expect(workflow.tasks[0].args.text).toBe('{{text}}');
    expect(workflow.models['0'].model).toBe(DRAW);
    expect(workflow.layout).toEqual({ 0: { x: 1, y: 2 } });

    const copy = await handlers['workflows.duplicate']({ id: saved.id });
    expect(copy.name).toBe('Fox caption (copy)');
    expect(copy.id).not.toBe(saved.id);
    await handlers['workflows.rename']({ id: copy.id, name: 'Owl caption' });
    expect((await handlers['workflows.list']({ query: 'owl' })).map((e) => e.name)).toEqual(['Owl caption']);
    expect(await handlers['workflows.list']({})).toHaveLength(2);

    await handlers['workflows.delete']({ id: copy.id });
    expect((await handlers['workflows.list']({})).map((e) => e.id)).toEqual([saved.id]);
    expect((await handlers['workflows.list']({ deleted: true })).map((e) => e.id)).toEqual([copy.id]);
    expect(readdirSync(join(dataDir, 'workflows', '.trash'))).toEqual([`${copy.id}.json`]);
    const back = await handlers['workflows.restore']({ id: copy.id });
    expect(back).toMatchObject({ id: copy.id, name: 'Owl caption' });
    expect(await handlers['workflows.list']({ deleted: true })).toEqual([]);
  });

  it('saves over an opened workflow, keeping its previous version in the trash', async () => {
    const { handlers } = setup();
    const saved = await handlers['workflows.save']({ name: 'Fox caption', tasks: TASKS, selections: SELECTIONS });
    const { workflow: before } = await handlers['workflows.get']({ id: saved.id });
    const edited = TASKS.map((t) => (t.id === 0 ? { ...t, args: { text: 'an owl at night' } } : t));
    const updated = await handlers['workflows.save']({ name: 'Owl caption', tasks: edited, selections: SELECTIONS, replaces: saved.id });
    expect(updated).toMatchObject({ id: saved.id, name: 'Owl caption' });
    const { workflow: after } = await handlers['workflows.get']({ id: saved.id });
    expect(after.inputs[0].default).toBe('an owl at night');
    expect(after.createdAt).toBe(before.createdAt);
    expect((await handlers['workflows.list']({})).map((e) => e.id)).toEqual([saved.id]);
    const trash = await handlers['workflows.list']({ deleted: true });
    expect(trash.map((e) => e.name)).toEqual(['Fox caption']);
    await handlers['workflows.restore']({ id: trash[0].id });
    expect((await handlers['workflows.list']({})).map((e) => e.name).sort()).toEqual(['Fox caption', 'Owl caption']);
    await expect(handlers['workflows.save']({ name: 'x', tasks: TASKS, selections: SELECTIONS, replaces: 'gone' })).rejects.toMatchObject({ kind: 'not-found' });
  });

  it('exports and imports; refuses bad and newer files without touching existing ones', async () => {
    const { handlers, dataDir } = setup();
    const saved = await handlers['workflows.save']({ name: 'Fox caption', tasks: TASKS, selections: SELECTIONS });
    const exported = await handlers['workflows.export']({ id: saved.id });
    expect(exported.fileName).toBe('fox-caption.workflow.json');
    expect(exported.text).not.toMatch(/hf_test|sk-test/);
    const before = readFileSync(join(dataDir, 'workflows', 'fox-caption.json'), 'utf8');

    await expect(handlers['workflows.import']({ fileName: 'x.json', text: '{ not json' })).rejects.toMatchObject({ kind: 'invalid-workflow', message: expect.stringMatching(/^x\.json is not a workflow file: it is not valid JSON/) });
    await expect(handlers['workflows.import']({ fileName: 'new.json', text: JSON.stringify({ ...JSON.parse(exported.text), version: 7 }) })).rejects.toThrow(/saved by a newer HuggingGPT Studio \(version 7/);
    await expect(handlers['workflows.import']({ fileName: 'bad.json', text: JSON.stringify({ version: 1, name: 'x', tasks: 'no' }) })).rejects.toThrow(/^bad\.json: invalid workflow/);
    expect((await handlers['workflows.list']({})).map((e) => e.id)).toEqual(['fox-caption']);

    const imported = await handlers['workflows.import']({ fileName: exported.fileName, text: exported.text });
    expect(imported.id).not.toBe('fox-caption');
    expect(readFileSync(join(dataDir, 'workflows', 'fox-caption.json'), 'utf8')).toBe(before);
    expect((await handlers['workflows.get']({ id: imported.id })).workflow.tasks).toEqual((await handlers['workflows.get']({ id: saved.id })).workflow.tasks);
    const v0 = await handlers['workflows.import']({ fileName: 'old.json', text: JSON.stringify({ name: 'old', graph: { nodes: [{ id: 0, task: 'image-to-text', dep: [-1], args: { image: '{{photo}}' }, model: CAPTION }] }, inputs: [{ name: 'photo', modality: 'image' }] }) });
    expect(v0).toMatchObject({ name: 'old', taskCount: 1 });
  });
});

describe('running workflows and the run history', () => {
  it('runs a workflow with a new input without planning, from the cache where nothing changed, and compares runs', async () => {
    const { handlers, owners } = setup();
    const llmCalls = llm.requests.length;
    const saved = await handlers['workflows.save']({ name: 'Fox caption', tasks: TASKS, selections: SELECTIONS });
    const first = await handlers['workflows.run']({ id: saved.id, inputs: {} });
    expect(first.tasks[0].args.text).toBe('a red fox in the snow');
    await waitFor(owners.get(first.runId)!, first.runId);
    const again = await handlers['workflows.run']({ id: saved.id, inputs: {} });
    await waitFor(owners.get(again.runId)!, again.runId);
    const requestsBefore = hf.requests.length;
    hf.script(DRAW, { reply: { body: tinyPng(16, 16, [200, 10, 10]), contentType: 'image/png' } });
    const changed = await handlers['workflows.run']({ id: saved.id, inputs: { text: { text: 'an owl at night' } } });
    await waitFor(owners.get(changed.runId)!, changed.runId);
    expect(llm.requests.length).toBe(llmCalls);
    expect(hf.requests.slice(requestsBefore).map((r) => r.model)).toEqual([DRAW, CAPTION]);
    expect((hf.requests[requestsBefore].json as { inputs: string }).inputs).toBe('an owl at night');

    const list = await handlers['runs.list']({});
    expect(list.map((r) => r.runId)).toEqual([changed.runId, again.runId, first.runId]);
    expect(list[0]).toMatchObject({ status: 'succeeded', workflow: { id: saved.id, name: 'Fox caption' }, taskCount: 2 });
    const detail = await handlers['runs.get']({ runId: again.runId });
    // The drawing's seed is not pinned, so running again draws anew; the fake draws the same bytes, so the
    // caption of that image comes from the cache.
    expect(Object.values(detail.results).map((r) => r.status)).toEqual(['succeeded', 'cached']);
    expect(detail.events.at(-1)).toMatchObject({ type: 'run-finished' });
    expect(detail.selections[0].reason).toBe('draws well');

    expect((await handlers['runs.compare']({ a: first.runId, b: again.runId })).map((n) => n.change)).toEqual(['same', 'same']);
    const diff = await handlers['runs.compare']({ a: first.runId, b: changed.runId });
    expect(diff).toEqual([
      { taskId: 0, task: 'text-to-image', a: 'succeeded', b: 'succeeded', change: 'changed' },
      // A new picture, but the fake captions every picture alike: same output.
      { taskId: 1, task: 'image-to-text', a: 'succeeded', b: 'succeeded', change: 'same' },
    ]);
  });

  it('records a failed node with its attempts, and re-runs only it after adopting the run in a new session', async () => {
    const { handlers, owners, conversation } = setup();
    const saved = await handlers['workflows.save']({ name: 'Fox caption', tasks: TASKS, selections: SELECTIONS });
    hf.script(CAPTION, { status: 500, body: 'CUDA out of memory' });
    const failed = await handlers['workflows.run']({ id: saved.id, inputs: { text: { text: 'a heron by the lake' } } });
    await waitFor(owners.get(failed.runId)!, failed.runId);

    expect((await handlers['runs.list']({ status: 'failed' })).map((r) => r.runId)).toEqual([failed.runId]);
    const detail = await handlers['runs.get']({ runId: failed.runId });
    expect(detail.results[1].error).toMatchObject({ kind: 'http', status: 500, bodyExcerpt: expect.stringContaining('CUDA out of memory') });
    expect(detail.results[1].attempts).toEqual([expect.objectContaining({ attempt: 1, endpoint: 'huggingface', status: 500, url: expect.any(String) })]);
    expect(detail.results[0].outputs[0].resource).toBeDefined();
    expect(JSON.stringify(detail)).not.toMatch(/hf_test|sk-test/);

    const { conversationId } = await handlers['runs.adopt']({ runId: failed.runId });
    const before = hf.requests.length;
    const retry = conversation(conversationId).execute(detail.tasks, detail.selections, { from: [1], baseRunId: failed.runId, force: [1] });
    const outcome = await retry.done;
    expect(hf.requests.slice(before).map((r) => r.model)).toEqual([CAPTION]);
    expect(outcome.results[0].status).toBe('cached');
    expect(outcome.results[1].status).toBe('succeeded');
  });

  it('keeps the request, the LLM usage and the response of a planned run in its record', async () => {
    const { handlers, conversation } = setup();
    llm.fallback((body: { messages: Array<{ content: string }> }) =>
      body.messages[0].content.startsWith('You plan') ? JSON.stringify([TASKS[0]]) : body.messages[0].content.startsWith('You pick') ? JSON.stringify({ choices: [{ task: 0, id: DRAW, reason: 'fits' }] }) : 'Here is the fox.');
    const c = conversation();
    const planned = await c.plan('draw a red fox in the snow');
    const run = c.execute(planned.plan.tasks, planned.selections);
    await run.done;
    await c.respond(run.runId);
    const detail = await handlers['runs.get']({ runId: run.runId });
    expect(detail.request).toBe('draw a red fox in the snow');
    expect(detail.response).toMatch(/^Here is the fox\./);
    expect(detail.usage!.llmCalls).toBe(planned.usage.llmCalls + 1);
    expect(detail.selections[0].model).toBe(DRAW);
  });

  it('counts LLM usage per run from the calls made for it: a re-run of the same request shows no planning calls', async () => {
    const { handlers, conversation } = setup();
    llm.fallback((body: { messages: Array<{ content: string }> }) =>
      body.messages[0].content.startsWith('You plan') ? JSON.stringify([TASKS[0]]) : body.messages[0].content.startsWith('You pick') ? JSON.stringify({ choices: [{ task: 0, id: DRAW, reason: 'fits' }] }) : 'Here is the fox.');
    const c = conversation();
    const planned = await c.plan('draw a red fox in the snow');
    expect(planned.usage.llmCalls).toBeGreaterThan(0);
    const first = c.execute(planned.plan.tasks, planned.selections);
    await first.done;
    const again = c.execute(planned.plan.tasks, planned.selections, { force: true });
    await again.done;
    const [a, b] = await Promise.all([handlers['runs.get']({ runId: first.runId }), handlers['runs.get']({ runId: again.runId })]);
    expect(a.usage).toEqual(planned.usage);
    expect(b.usage).toEqual({ llmCalls: 0, promptTokens: 0, completionTokens: 0 });
  });
});
