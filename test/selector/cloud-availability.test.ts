// The platform's CloudAvailability against the fake Hub: the task-type answer (no Hub call) that selection, the
// palette and `plan` share, and the per-model answer from each model's inferenceProviderMapping.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCloudAvailability, providersServeTaskType } from '../../src-main/platform/inference/cloud-availability';
import { createProviderMappings } from '../../src-main/platform/inference/provider-mappings';
import { liveOn, startFakeHub, type FakeHub } from '../support/fake-hub';

let hub: FakeHub;
let down: FakeHub;
beforeAll(async () => {
  hub = await startFakeHub([
    { id: 'hustvl/yolos-tiny', pipeline_tag: 'object-detection', downloads: 9, likes: 1, inferenceProviderMapping: liveOn('hustvl/yolos-tiny', 'object-detection') },
    { id: 'org/staging-detector', pipeline_tag: 'object-detection', downloads: 5, likes: 1, inferenceProviderMapping: [{ provider: 'hf-inference', providerId: 'x', status: 'staging', task: 'object-detection' }] },
    { id: 'black-forest-labs/FLUX.1-dev', pipeline_tag: 'text-to-image', downloads: 9, likes: 1, inferenceProviderMapping: liveOn('fal-ai/flux/dev', 'text-to-image', 'fal-ai') },
    { id: 'org/unmapped', pipeline_tag: 'object-detection', downloads: 1, likes: 1 },
  ]);
  down = await startFakeHub([], { failWith: 500 });
});
afterAll(async () => {
  await hub.close();
  await down.close();
});

const availability = (hubUrl: string, sources: Parameters<typeof createCloudAvailability>[1] = {}) =>
  createCloudAvailability(createProviderMappings({ hubUrl: () => hubUrl, token: () => 'hf_test' }), sources);

describe('providersServeTaskType (no Hub call)', () => {
  it('is false for a type no provider the library can call serves, or one the last refresh found none for', () => {
    expect(providersServeTaskType('object-detection', [])).toBe(true);
    expect(providersServeTaskType('depth-estimation', [])).toBe(false);
    expect(providersServeTaskType('image-to-image', [])).toBe(true);
    expect(providersServeTaskType('image-to-image', ['image-to-image'])).toBe(false);
    expect(providersServeTaskType('openpose-control', [])).toBe(false);
  });

  it('is what CloudAvailability.taskServed answers, with the catalog\'s list read at each question', () => {
    let unserved: string[] = [];
    const cloud = availability(hub.url, { unservedTasks: () => unserved });
    const before = hub.requests.length;
    expect(cloud.taskServed('image-to-image')).toBe(true);
    unserved = ['image-to-image'];
    expect(cloud.taskServed('image-to-image')).toBe(false);
    expect(hub.requests.length).toBe(before);
  });
});

describe('CloudAvailability.check (one cached Hub lookup per model)', () => {
  it('answers live with the providers, none with why, and unknown when the Hub fails', async () => {
    const cloud = availability(hub.url);
    expect(await cloud.check('hustvl/yolos-tiny', 'object-detection')).toEqual({ status: 'live', providers: ['hf-inference'] });
    expect(await cloud.check('org/staging-detector', 'object-detection')).toEqual({ status: 'none', reason: 'its providers (hf-inference: staging) are not live' });
    expect(await cloud.check('org/unmapped', 'object-detection')).toEqual({ status: 'none', reason: 'no Inference Provider serves it' });
    expect(await cloud.check('org/not-on-the-hub', 'object-detection')).toEqual({ status: 'none', reason: 'no Inference Provider serves it' });
    expect(await availability(down.url).check('hustvl/yolos-tiny', 'object-detection')).toMatchObject({ status: 'unknown', reason: expect.stringContaining('HTTP 500') });
  });

  it('honours huggingface.provider and rules out providers the library polls itself behind a custom router', async () => {
    expect(await availability(hub.url, { provider: () => 'together' }).check('hustvl/yolos-tiny', 'object-detection')).toEqual({
      status: 'none',
      reason: 'provider "together" (huggingface.provider) does not serve it',
    });
    expect(await availability(hub.url).check('black-forest-labs/FLUX.1-dev', 'text-to-image')).toEqual({ status: 'live', providers: ['fal-ai'] });
    const custom = await availability(hub.url, { routerUrl: () => 'http://127.0.0.1:9/router' }).check('black-forest-labs/FLUX.1-dev', 'text-to-image');
    expect(custom).toMatchObject({ status: 'none', reason: expect.stringContaining('a custom huggingface.routerUrl rules out') });
  });

  it('looks each model up once while the cache holds', async () => {
    const cloud = availability(hub.url);
    const before = hub.requests.length;
    await cloud.check('hustvl/yolos-tiny', 'object-detection');
    await cloud.check('hustvl/yolos-tiny', 'object-detection');
    expect(hub.requests.length - before).toBe(1);
  });
});
