// Failure classification of the HF model runner against the fake: loading, rate limits, HTTP errors,
// refused connections, timeouts and cancellations, unreadable output, refused inputs.
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { InferenceError, type InferenceCall } from '../../src-main/engine/inference';
import { createHfModelRunner } from '../../src-main/platform/inference/hf-model-runner';
import { parseRetryAfter } from '../../src-main/platform/inference/inference-errors';
import { startFakeHf, type FakeHf } from '../support/fake-hf';
import { tinyPng } from '../support/fake-hf-media';
import { endpointTarget, file, makeCall, text } from './call-helpers';

const TOKEN = 'hf_very_secret_token_123';
const DETR = 'facebook/detr-resnet-50';
const png = new Uint8Array(tinyPng(8, 8));

async function failure(promise: Promise<unknown>): Promise<InferenceError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(InferenceError);
  return error as InferenceError;
}

describe('HF model runner failures', () => {
  let hf: FakeHf;
  const runner = createHfModelRunner({ token: TOKEN });
  const detect = (signal?: AbortSignal): InferenceCall =>
    makeCall('object-detection', DETR, endpointTarget(hf.url, DETR), { image: file('image', png, 'image/png') }, signal);

  beforeAll(async () => {
    hf = await startFakeHf({ models: { [DETR]: { task: 'object-detection' }, 'org/sd': { task: 'canny-text-to-image' } } });
  });
  afterAll(() => hf.close());

  it('maps a loading model (503 + estimated_time) to loading, without the library retrying', async () => {
    hf.script(DETR, { status: 503, estimatedTime: 2.5 });
    const before = hf.requests.length;
    const error = await failure(runner.run(detect()));
    expect(error.kind).toBe('loading');
    expect(error.details).toMatchObject({ status: 503, estimatedTimeMs: 2500 });
    expect(error.retriable).toBe(true);
    expect(hf.requests.length - before).toBe(1);
  });

  it('maps 429 to rate-limited with Retry-After, per call even when calls overlap', async () => {
    hf.script(DETR, { status: 429, retryAfter: 3 });
    hf.script('org/sd', { status: 429, retryAfter: 9 });
    hf.setLatency(50);
    const [detr, sd] = await Promise.allSettled([
      runner.run(detect()),
      runner.run(makeCall('canny-text-to-image', 'org/sd', endpointTarget(hf.url, 'org/sd'), { image: file('image', png, 'image/png'), text: text('x') })),
    ]);
    hf.setLatency(0);
    expect(hf.maxInFlight).toBeGreaterThanOrEqual(2);
    expect(detr.status === 'rejected' && detr.reason).toMatchObject({ kind: 'rate-limited', details: { status: 429, retryAfterMs: 3000 } });
    expect(sd.status === 'rejected' && sd.reason).toMatchObject({ kind: 'rate-limited', details: { status: 429, retryAfterMs: 9000 } });
  });

  it('maps other statuses to http with a short body excerpt that never holds the token', async () => {
    hf.script(DETR, { status: 500, body: `CUDA out of memory; token=${TOKEN} ${'x'.repeat(2000)}` });
    const error = await failure(runner.run(detect()));
    expect(error.kind).toBe('http');
    expect(error.details.status).toBe(500);
    expect(error.details.bodyExcerpt).toContain('CUDA out of memory');
    expect(error.details.bodyExcerpt!.length).toBeLessThanOrEqual(500);
    expect(JSON.stringify({ m: error.message, d: error.details })).not.toContain(TOKEN);
  });

  it('maps an unknown model to http 404', async () => {
    const error = await failure(runner.run(makeCall('object-detection', 'nobody/none', endpointTarget(hf.url, 'nobody/none'), { image: file('image', png, 'image/png') })));
    expect(error).toMatchObject({ kind: 'http', details: { status: 404 } });
    expect(error.retriable).toBe(false);
  });

  it('maps a refused connection to network, naming the URL', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    await new Promise((resolve) => server.close(resolve));
    const url = `http://127.0.0.1:${port}/models/${DETR}`;
    const error = await failure(runner.run(makeCall('object-detection', DETR, { kind: 'endpoint', protocol: 'hf', endpoint: 'gone', url }, { image: file('image', png, 'image/png') })));
    expect(error.kind).toBe('network');
    expect(error.message).toContain(url);
    expect(error.retriable).toBe(true);
  });

  it('tells a timeout from a cancellation, and the abort reaches the request', async () => {
    hf.script(DETR, { hang: true }, { hang: true });
    const timeout = new AbortController();
    const pending = runner.run(detect(timeout.signal));
    await vi.waitFor(() => expect(hf.inFlight).toBe(1));
    timeout.abort(new DOMException('The operation timed out', 'TimeoutError'));
    expect((await failure(pending)).kind).toBe('timeout');
    await vi.waitFor(() => expect(hf.inFlight).toBe(0));

    const cancel = new AbortController();
    const cancelled = runner.run(detect(cancel.signal));
    await vi.waitFor(() => expect(hf.inFlight).toBe(1));
    cancel.abort();
    const error = await failure(cancelled);
    expect(error.kind).toBe('cancelled');
    expect(error.retriable).toBe(false);
    await vi.waitFor(() => expect(hf.inFlight).toBe(0));
  });

  it('accepts AbortSignal.timeout as a timeout and does not call with an aborted signal', async () => {
    const before = hf.requests.length;
    const error = await failure(runner.run(detect(AbortSignal.abort(new DOMException('t', 'TimeoutError')))));
    expect(error.kind).toBe('timeout');
    expect(hf.requests.length).toBe(before);
  });

  it('maps an unreadable answer to bad-output', async () => {
    hf.script(DETR, { reply: { body: [{ nothing: 'useful' }] } });
    expect((await failure(runner.run(detect()))).kind).toBe('bad-output');
  });

  it('refuses ControlNet on Hugging Face, a missing input and an unknown task before calling', async () => {
    const before = hf.requests.length;
    const control = await failure(runner.run(makeCall('canny-control', 'org/sd', { kind: 'huggingface', provider: 'auto' }, { image: file('image', png, 'image/png') })));
    expect(control.kind).toBe('invalid-input');
    expect(control.message).toMatch(/ControlNet.*local endpoint/);
    expect((await failure(runner.run(makeCall('object-detection', DETR, endpointTarget(hf.url, DETR), {})))).kind).toBe('invalid-input');
    expect((await failure(runner.run(makeCall('no-such-task', DETR, endpointTarget(hf.url, DETR), {})))).kind).toBe('invalid-input');
    expect(hf.requests.length).toBe(before);
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('12')).toBe(12_000);
    expect(parseRetryAfter(new Date(61_000).toUTCString(), 1_000)).toBe(60_000);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });
});
