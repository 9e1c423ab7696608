// The cloud path users take: provider "auto" through the real @huggingface/inference, against loopback fakes
// of the Hub (provider mappings) and of the router, reached through huggingface.hubUrl / routerUrl.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../src-shared/settings';
import { InferenceError, type InferenceCall } from '../../src-main/engine/inference';
import { createHfModelRunner } from '../../src-main/platform/inference/hf-model-runner';
import { startFakeCloud, type FakeCloud } from '../support/fake-cloud';
import { tinyPng } from '../support/fake-hf-media';
import { file, makeCall, text } from './call-helpers';

const TOKEN = 'hf_provider_route_token';
const png = new Uint8Array(tinyPng(16, 16));
const cloudTarget = { kind: 'huggingface' as const, provider: 'auto' };

describe('Inference Providers through the configured Hub and router', () => {
  let cloud: FakeCloud;
  const seen: string[] = [];
  let run: (call: InferenceCall) => ReturnType<ReturnType<typeof createHfModelRunner>['run']>;

  beforeAll(async () => {
    cloud = await startFakeCloud([
      { id: 'live/detr', task: 'object-detection' },
      { id: 'vlm/captioner', task: 'image-text-to-text' },
      { id: 'instruct/llm', task: 'conversational', pipeline_tag: 'text-generation' },
      { id: 'staging/detr', task: 'object-detection', mapping: [{ provider: 'hf-inference', providerId: 'staging/detr', status: 'staging', task: 'object-detection' }] },
      { id: 'other-task/model', task: 'object-detection', mapping: [{ provider: 'hf-inference', providerId: 'other-task/model', status: 'live', task: 'image-segmentation' }] },
      { id: 'unmapped/blip', task: 'image-to-text', mapping: [] },
      { id: 'undeployed/detr', task: 'object-detection', deployed: false },
      { id: 'video/queued', task: 'text-to-video', mapping: [{ provider: 'fal-ai', providerId: 'fal-ai/video', status: 'live', task: 'text-to-video' }] },
      {
        id: 'sd/turbo',
        task: 'text-to-image',
        mapping: [
          { provider: 'hf-inference', providerId: 'sd/turbo', status: 'staging', task: 'text-to-image' },
          { provider: 'nscale', providerId: 'nscale/sd-turbo', status: 'live', task: 'text-to-image' },
        ],
      },
    ], TOKEN);
    const hf = cloud.huggingface(defaultSettings());
    const recording: typeof fetch = (input, init) => {
      seen.push(`${String(input)} ${new Headers(init?.headers).get('authorization') ?? '-'}`);
      return fetch(input, init);
    };
    const runner = createHfModelRunner({ token: TOKEN, hubUrl: hf.hubUrl, routerUrl: hf.routerUrl, fetch: recording });
    run = (call) => runner.run(call);
  });
  afterAll(() => cloud.close());

  const failure = (promise: Promise<unknown>) => promise.then(() => { throw new Error('expected a failure'); }, (e: unknown) => e as InferenceError);

  it('looks the model up on the configured Hub and calls hf-inference on the configured router with the token', async () => {
    const out = await run(makeCall('object-detection', 'live/detr', cloudTarget, { image: file('image', png, 'image/png') }));
    expect(out.map((o) => o.modality)).toEqual(['image', 'text']);
    expect(cloud.hub.requests.some((r) => r.startsWith('/api/models/live/detr?expand'))).toBe(true);
    const call = cloud.router.requests.find((r) => r.model === 'live/detr')!;
    expect(call).toMatchObject({ provider: 'hf-inference', contentType: 'image/png' });
    expect(call.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it('captions through chat completion with an image content part on a vision-language model', async () => {
    const out = await run(makeCall('image-to-text', 'vlm/captioner', cloudTarget, { image: file('image', png, 'image/png') }));
    expect(out[0]).toMatchObject({ modality: 'text', text: 'A girl reading a book on a bench.' });
    const call = cloud.router.requests.find((r) => r.model === 'vlm/captioner')!;
    expect(call.route).toBe('/v1/chat/completions');
    expect((call.json as any).messages[0].content[1].image_url.url).toMatch(/^data:image\/png;base64,/);
  });

  it('answers a visual question and generates text through the conversational route', async () => {
    const vqa = await run(makeCall('visual-question-answering', 'vlm/captioner', cloudTarget, { image: file('image', png, 'image/png'), text: text('How many cats?') }));
    expect(vqa[0]).toMatchObject({ text: 'Two.' });
    const gen = await run(makeCall('text-generation', 'instruct/llm', cloudTarget, { text: text('Once upon a time') }));
    expect(gen[0]).toMatchObject({ text: 'Hello! How can I help?' });
    expect(cloud.router.requests.find((r) => r.model === 'instruct/llm')?.route).toBe('/v1/chat/completions');
  });

  it.each([
    ['staging/detr', 'object-detection', /not live/],
    ['other-task/model', 'object-detection', /"image-segmentation", not "object-detection"/],
    ['unmapped/blip', 'image-to-text', /no Inference Provider serves it/],
    ['nobody/knows-this', 'object-detection', /no Inference Provider serves it/],
  ])('refuses %s with no-provider before calling the router', async (model, task, why) => {
    const before = cloud.router.requests.length;
    const error = await failure(run(makeCall(task, model, cloudTarget, { image: file('image', png, 'image/png') })));
    expect(error).toBeInstanceOf(InferenceError);
    expect(error.kind).toBe('no-provider');
    expect(error.retriable).toBe(false);
    expect(error.message).toMatch(why);
    expect(cloud.router.requests.length).toBe(before);
  });

  it('calls the first live provider of the mapping, a third party here, by its own model id', async () => {
    const out = await run(makeCall('text-to-image', 'sd/turbo', cloudTarget, { text: text('a lighthouse') }));
    expect(out[0]).toMatchObject({ port: 'image', modality: 'image' });
    const call = cloud.router.requests.find((r) => r.provider === 'nscale')!;
    expect(call).toMatchObject({ model: 'nscale/sd-turbo', route: '/v1/images/generations' });
    expect((call.json as any).prompt).toBe('a lighthouse');
    expect(call.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it('does not use a provider whose results the library polls at router.huggingface.co itself, behind a custom router', async () => {
    const before = cloud.router.requests.length;
    const error = await failure(run(makeCall('text-to-video', 'video/queued', cloudTarget, { text: text('waves') })));
    expect(error.kind).toBe('no-provider');
    expect(error.message).toContain('(fal-ai) return results that @huggingface/inference fetches from router.huggingface.co itself');
    expect(cloud.router.requests.length).toBe(before);
  });

  it('turns a provider 404 (model not deployed) into no-provider', async () => {
    const error = await failure(run(makeCall('object-detection', 'undeployed/detr', cloudTarget, { image: file('image', png, 'image/png') })));
    expect(error.kind).toBe('no-provider');
    expect(error.message).toContain('not deployed on hf-inference');
  });

  it('sends every request to the configured hosts, and the token nowhere else', () => {
    expect(seen.length).toBeGreaterThan(0);
    for (const line of seen) expect(line.startsWith(cloud.hub.url) || line.startsWith(cloud.router.url)).toBe(true);
    expect(seen.join('\n')).not.toContain('huggingface.co');
  });
});
