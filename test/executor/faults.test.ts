// Faults: bounded retries with backoff that honours a loading model's estimate and Retry-After, typed
// errors, timeouts through the call's signal, and hybrid fallback from a local endpoint to the cloud.
import { describe, expect, it } from 'vitest';
import { executeGraph } from '../../src-main/engine/executor/execute-graph';
import { MAX_RETRY_DELAY_MS } from '../../src-main/engine/executor/retry-policy';
import { InferenceError } from '../../src-main/engine/inference';
import { eventsOf, harness, inputFor, task } from './fakes/fixtures';
import { failFirst, waitForAbort } from './fakes/scripted-runner';

const one = [task(0, 'text-to-image', { text: 'a red fox' })];
const model = 'm/text-to-image-0';

describe('faults', () => {
  it('waits for a loading model as long as it estimates, then succeeds', async () => {
    const h = harness();
    h.runner.script(model, failFirst(2, () => new InferenceError('loading', 'model is loading', { status: 503, estimatedTimeMs: 20_000 })));
    const { results } = await executeGraph(inputFor(h, one, { execution: { retries: 2 } })).done;
    expect(results[0].status).toBe('succeeded');
    expect(h.sleeps).toEqual([20_000, 20_000]);
    expect(results[0].attempts.map((a) => a.error?.kind ?? 'ok')).toEqual(['loading', 'loading', 'ok']);
    expect(results[0].attempts[0]).toMatchObject({ attempt: 1, endpoint: 'huggingface', status: 503 });
    // node-log: the seed drawn for this run.
    expect(eventsOf(h.events, 0)).toEqual(['node-queued', 'node-log', 'node-started', 'node-progress', 'node-started', 'node-progress', 'node-started', 'node-succeeded']);
    const progress = h.events.find((e) => e.type === 'node-progress');
    expect(progress).toMatchObject({ message: `${model} is loading on huggingface; retrying in 20 s (attempt 2 of 3)` });
    expect(h.events.filter((e) => e.type === 'node-started').map((e) => (e as { attempt: number }).attempt)).toEqual([1, 2, 3]);
  });

  it('honours Retry-After on 429, capped, and backs off exponentially without one', async () => {
    const h = harness();
    let n = 0;
    h.runner.script(model, (call, count) => {
      n = count;
      if (count === 1) throw new InferenceError('rate-limited', 'too many requests', { status: 429, retryAfterMs: 7_000 });
      if (count === 2) throw new InferenceError('rate-limited', 'too many requests', { status: 429, retryAfterMs: 3_600_000 });
      if (count === 3) throw new InferenceError('network', 'connection refused');
      if (count === 4) throw new InferenceError('network', 'connection refused');
      return [{ port: 'image', modality: 'image', bytes: new Uint8Array([9]), mime: 'image/png' }];
    });
    const { results } = await executeGraph(inputFor(h, one, { execution: { retries: 4 } })).done;
    expect(n).toBe(5);
    expect(results[0].status).toBe('succeeded');
    expect(h.sleeps).toEqual([7_000, MAX_RETRY_DELAY_MS, 4_000, 8_000]);
  });

  it('gives up after the retries with the last typed error', async () => {
    const h = harness();
    h.runner.script(model, () => {
      throw new InferenceError('loading', 'model is loading', { status: 503, estimatedTimeMs: 1_000 });
    });
    const { results } = await executeGraph(inputFor(h, one, { execution: { retries: 1 } })).done;
    expect(results[0]).toMatchObject({ status: 'failed', error: { kind: 'loading', retriable: true, status: 503 } });
    expect(results[0].attempts).toHaveLength(2);
    expect(h.runner.calls).toHaveLength(2);
  });

  it('times out a call through its signal and retries, then fails with kind timeout', async () => {
    const h = harness();
    h.runner.script(model, waitForAbort);
    const { results } = await executeGraph(inputFor(h, one, { execution: { retries: 1, timeoutMs: 30 } })).done;
    expect(results[0]).toMatchObject({ status: 'failed', error: { kind: 'timeout', retriable: true, message: 'huggingface did not answer within 30 ms' } });
    expect(h.runner.calls).toHaveLength(2);
    expect(h.runner.calls.every((c) => c.signal.aborted)).toBe(true);
    expect(h.sleeps).toEqual([1_000]);
  });

  it('times out even a runner that ignores its signal', async () => {
    const h = harness();
    h.runner.script(model, () => new Promise(() => undefined));
    const { results } = await executeGraph(inputFor(h, one, { execution: { retries: 0, timeoutMs: 20 } })).done;
    expect(results[0].error?.kind).toBe('timeout');
  });

  it('does not retry a non-retriable HTTP 500, and retries one marked retriable until the limit', async () => {
    const h = harness();
    h.runner.script(model, () => {
      throw new InferenceError('http', 'Hugging Face answered HTTP 500', { status: 500 });
    });
    const first = await executeGraph(inputFor(h, one, { execution: { retries: 2 } })).done;
    expect(first.results[0]).toMatchObject({ status: 'failed', error: { kind: 'http', status: 500, retriable: false } });
    expect(h.runner.calls).toHaveLength(1);

    const h2 = harness();
    h2.runner.script(model, () => {
      throw new InferenceError('http', 'Hugging Face answered HTTP 500', { status: 500, retriable: true });
    });
    const second = await executeGraph(inputFor(h2, one, { execution: { retries: 2 } })).done;
    expect(second.results[0]).toMatchObject({ status: 'failed', error: { kind: 'http', status: 500, retriable: true } });
    expect(h2.runner.calls).toHaveLength(3);
    expect(h2.sleeps).toEqual([1_000, 2_000]);
  });

  it('fails on bad output without retrying, and treats an empty answer as bad output', async () => {
    const h = harness();
    h.runner.script(model, () => {
      throw new InferenceError('bad-output', 'the endpoint answered text where an image was expected');
    });
    h.runner.script('m/text-to-image-1', () => []);
    const tasks = [...one, task(1, 'text-to-image', { text: 'b' })];
    const { results } = await executeGraph(inputFor(h, tasks, { execution: { retries: 3 } })).done;
    expect(results[0]).toMatchObject({ status: 'failed', error: { kind: 'bad-output', retriable: false } });
    expect(results[1]).toMatchObject({ status: 'failed', error: { kind: 'bad-output', message: 'huggingface answered with no output' } });
    expect(h.runner.calls).toHaveLength(2);
    expect(h.sleeps).toEqual([]);
  });

  it('turns an unexpected throw into an internal error on that node', async () => {
    const h = harness();
    h.runner.script(model, () => {
      throw new TypeError('x is not a function');
    });
    const { results } = await executeGraph(inputFor(h, one)).done;
    expect(results[0]).toMatchObject({ status: 'failed', error: { kind: 'internal', message: 'unexpected error: x is not a function', retriable: false } });
  });
});

describe('hybrid fallback', () => {
  const local = { kind: 'endpoint' as const, protocol: 'hf' as const, endpoint: 'local-gpu', url: 'http://127.0.0.1:8005/models/m/text-to-image-0' };
  const cloud = { kind: 'huggingface' as const, provider: 'auto' };

  it('falls back from a failing local endpoint to the cloud and records which endpoint served', async () => {
    const h = harness();
    h.runner.script(model, (call) => {
      if (call.target.kind === 'endpoint') throw new InferenceError('network', 'connection refused');
      return [{ port: 'image', modality: 'image', bytes: new Uint8Array([1, 2]), mime: 'image/png' }];
    });
    const { results } = await executeGraph(inputFor(h, one, { targets: { 0: { primary: local, fallback: cloud } }, execution: { retries: 1 } })).done;
    expect(results[0]).toMatchObject({ status: 'succeeded', endpoint: 'huggingface', model });
    expect(h.runner.calls.map((c) => c.target.kind)).toEqual(['endpoint', 'endpoint', 'huggingface']);
    expect(results[0].attempts.map((a) => [a.attempt, a.endpoint, a.url])).toEqual([
      [1, 'local-gpu', local.url],
      [2, 'local-gpu', local.url],
      [3, 'huggingface', 'huggingface:auto'],
    ]);
    expect(h.events.filter((e) => e.type === 'node-log').at(-1)).toMatchObject({ message: 'local-gpu failed (connection refused); falling back to huggingface' });
    expect(h.events.find((e) => e.type === 'node-succeeded')).toMatchObject({ endpoint: 'huggingface' });
  });

  it('serves locally when the local endpoint works, and fails without a fallback', async () => {
    const h = harness();
    const ok = await executeGraph(inputFor(h, one, { targets: { 0: { primary: local, fallback: cloud } } })).done;
    expect(ok.results[0]).toMatchObject({ status: 'succeeded', endpoint: 'local-gpu' });
    expect(h.runner.calls).toHaveLength(1);

    const h2 = harness();
    h2.runner.script(model, () => {
      throw new InferenceError('network', 'connection refused');
    });
    const failed = await executeGraph(inputFor(h2, one, { targets: { 0: { primary: local } }, execution: { retries: 0 } })).done;
    expect(failed.results[0]).toMatchObject({ status: 'failed', endpoint: 'local-gpu', error: { kind: 'network' } });
  });
});
