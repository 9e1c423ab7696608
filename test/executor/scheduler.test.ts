// Scheduling: parallel up to the limits, failures contained to their dependents, LLM tasks, no-model tasks.
import { describe, expect, it } from 'vitest';
import { executeGraph } from '../../src-main/engine/executor/execute-graph';
import { LlmError, type ChatModel, type ChatRequest } from '../../src-main/engine/chat-model';
import { InferenceError } from '../../src-main/engine/inference';
import { eventsOf, harness, inputFor, selectionsFor, task, trace } from './fakes/fixtures';

const independent = (n: number) => Array.from({ length: n }, (_v, i) => task(i, 'text-to-image', { text: `picture ${i}` }));

describe('scheduler', () => {
  it('runs independent tasks at once, up to maxParallel and no more', async () => {
    const h = harness();
    const tasks = independent(8);
    const { summary } = await executeGraph(inputFor(h, tasks, { execution: { maxParallel: 3, maxPerEndpoint: 8 } })).done;
    expect(summary).toMatchObject({ status: 'succeeded', counts: { succeeded: 8 } });
    expect(h.runner.calls).toHaveLength(8);
    expect(h.runner.maxInFlight).toBe(3);
  });

  it('keeps each endpoint within maxPerEndpoint while others use the free slots', async () => {
    const h = harness();
    const tasks = independent(8);
    const targets = Object.fromEntries(
      tasks.map((t) => [t.id, { primary: t.id < 6 ? { kind: 'endpoint' as const, protocol: 'hf' as const, endpoint: 'local-a', url: `http://127.0.0.1:1/models/${t.id}` } : { kind: 'huggingface' as const, provider: 'auto' } }]),
    );
    await executeGraph(inputFor(h, tasks, { targets, execution: { maxParallel: 4, maxPerEndpoint: 2 } })).done;
    expect(h.runner.maxInFlightByEndpoint.get('local-a')).toBe(2);
    expect(h.runner.maxInFlightByEndpoint.get('huggingface')).toBe(2);
    expect(h.runner.maxInFlight).toBe(4);
  });

  it('starts a task as soon as its own dependencies succeed, not when a whole level is done', async () => {
    const h = harness();
    h.runner.script('m/text-to-image-0', async () => {
      // The slow branch: answer only after the other branch has finished both its tasks.
      while (!h.events.some((e) => e.type === 'node-succeeded' && e.taskId === 3)) await new Promise((r) => setImmediate(r));
      return [{ port: 'image', modality: 'image', bytes: new Uint8Array([1]), mime: 'image/png' }];
    });
    const tasks = [
      task(0, 'text-to-image', { text: 'slow' }),
      task(1, 'image-to-text', { image: '<resource>-0' }),
      task(2, 'text-to-image', { text: 'fast' }),
      task(3, 'image-to-text', { image: '<resource>-2' }),
    ];
    const { summary } = await executeGraph(inputFor(h, tasks)).done;
    expect(summary.status).toBe('succeeded');
    const t = trace(h.events);
    expect(t.indexOf('node-succeeded:3')).toBeLessThan(t.indexOf('node-succeeded:0'));
  });

  it('fails a node alone: its dependents are skipped, an independent branch finishes', async () => {
    const h = harness();
    h.runner.script('m/text-to-image-0', () => {
      throw new InferenceError('http', 'Hugging Face answered HTTP 400: bad prompt', { status: 400, bodyExcerpt: '{"error":"bad prompt"}' });
    });
    const tasks = [
      task(0, 'text-to-image', { text: 'a' }),
      task(1, 'image-to-text', { image: '<resource>-0' }),
      task(2, 'text-to-speech', { text: '<resource>-1' }),
      task(3, 'text-to-image', { text: 'b' }),
    ];
    const { results, summary } = await executeGraph(inputFor(h, tasks)).done;
    expect(results[0]).toMatchObject({ status: 'failed', error: { kind: 'http', status: 400, retriable: false, bodyExcerpt: '{"error":"bad prompt"}' } });
    expect(results[0].attempts).toHaveLength(1);
    expect(results[1]).toMatchObject({ status: 'skipped', reason: 'upstream task 0 failed' });
    expect(results[2]).toMatchObject({ status: 'skipped', reason: 'upstream task 0 failed' });
    expect(results[3].status).toBe('succeeded');
    expect(summary).toMatchObject({ status: 'failed', counts: { failed: 1, skipped: 2, succeeded: 1 } });
    expect(eventsOf(h.events, 2)).toEqual(['node-queued', 'node-skipped']);
    expect(h.runner.models).not.toContain('m/image-to-text-1');
  });

  it('fails a task without a model with no-model and the given message', async () => {
    const h = harness();
    const tasks = [task(0, 'video-classification', { video: 'v.mp4' }), task(1, 'summarization', { text: '<resource>-0' })];
    const selections = selectionsFor(tasks);
    delete selections[0];
    const unavailable = { 0: 'no model for video-classification can run: enable Hugging Face or add a local endpoint' };
    const { results } = await executeGraph(inputFor(h, tasks, { selections, unavailable })).done;
    expect(results[0]).toMatchObject({ status: 'failed', error: { kind: 'no-model', message: unavailable[0], retriable: false } });
    expect(results[1].status).toBe('skipped');
    expect(h.runner.calls).toHaveLength(0);
  });

  it('does text tasks selected for the LLM through the chat model, with a short instruction prompt', async () => {
    const h = harness();
    const requests: ChatRequest[] = [];
    const chat: ChatModel = {
      async complete(request) {
        requests.push(request);
        return { text: '  Un chat.  ', finishReason: 'stop', promptTokens: 10, completionTokens: 3 };
      },
    };
    const tasks = [task(0, 'image-to-text', { image: 'cat.png' }), task(1, 'translation', { text: 'In French: <resource>-0' })];
    const photo = await h.store.userFile('cat.png', 'CAT', 'image/png');
    const { results } = await executeGraph(
      inputFor(h, tasks, { selections: selectionsFor(tasks, [1]), userResources: { 'cat.png': photo }, deps: { ...h.deps, chat }, context: { request: 'say what is in cat.png in French' } }),
    ).done;
    expect(results[1]).toMatchObject({ status: 'succeeded', model: 'gpt-test', endpoint: 'llm', outputs: [{ port: 'text', modality: 'text', text: 'Un chat.' }] });
    expect(h.runner.models).toEqual(['m/image-to-text-0']);
    expect(requests).toHaveLength(1);
    expect(requests[0].messages[0].content).toContain('"translation"');
    expect(requests[0].messages[1].content).toContain(`In French: ${results[0].outputs[0].text}`);
    expect(requests[0].messages[1].content).toContain('say what is in cat.png in French');
    expect(requests[0].signal).toBeInstanceOf(AbortSignal);
    expect(h.events.find((e) => e.type === 'node-started' && e.taskId === 1)).toMatchObject({ endpoint: 'llm', model: 'gpt-test' });
  });

  it('maps a failed LLM call to a typed task error', async () => {
    const h = harness();
    const chat: ChatModel = {
      async complete() {
        throw new LlmError('rate-limited', 'the LLM server answered 429', 429);
      },
    };
    const tasks = [task(0, 'summarization', { text: 'long text' })];
    const { results } = await executeGraph(inputFor(h, tasks, { selections: selectionsFor(tasks, [0]), deps: { ...h.deps, chat } })).done;
    expect(results[0]).toMatchObject({ status: 'failed', endpoint: 'llm', error: { kind: 'rate-limited', status: 429, message: 'the LLM failed: the LLM server answered 429' } });

    const noChat = await executeGraph(inputFor(harness(), tasks, { selections: selectionsFor(tasks, [0]) })).done;
    expect(noChat.results[0].error).toMatchObject({ kind: 'no-model' });
  });

  it('runs two graphs at once without mixing their events or results', async () => {
    const h1 = harness();
    const h2 = harness();
    const a = executeGraph(inputFor(h1, independent(4), { runId: 'run-a' }));
    const b = executeGraph(inputFor(h2, [task(0, 'text-to-image', { text: 'other' }), task(1, 'image-to-text', { image: '<resource>-0' })], { runId: 'run-b' }));
    const [ra, rb] = await Promise.all([a.done, b.done]);
    expect(ra).toMatchObject({ runId: 'run-a', summary: { status: 'succeeded', counts: { succeeded: 4 } } });
    expect(rb).toMatchObject({ runId: 'run-b', summary: { status: 'succeeded', counts: { succeeded: 2 } } });
    expect(h1.events.every((e) => e.runId === 'run-a')).toBe(true);
    expect(h2.events.every((e) => e.runId === 'run-b')).toBe(true);
    expect(h1.events.map((e) => e.seq)).toEqual(h1.events.map((_e, i) => i + 1));
    expect(h2.events.map((e) => e.seq)).toEqual(h2.events.map((_e, i) => i + 1));
    expect(rb.results[1].outputs[0].text).toContain('m/text-to-image-0(text=other)');
  });

  it('finishes an empty plan at once', async () => {
    const h = harness();
    const { summary } = await executeGraph(inputFor(h, [])).done;
    expect(summary).toMatchObject({ status: 'succeeded', counts: {} });
    expect(trace(h.events)).toEqual(['run-started', 'run-finished']);
  });

  it('gives sortable run ids by default', () => {
    const h = harness();
    const run = executeGraph(inputFor(h, [], { deps: { ...h.deps, now: () => Date.UTC(2026, 10, 24, 6, 15, 0) } }));
    expect(run.runId).toMatch(/^20261124-061500-[0-9a-f]{6}$/);
    expect(() => executeGraph(inputFor(h, [], { runId: '../escape' }))).toThrow(/invalid run id/);
  });
});
