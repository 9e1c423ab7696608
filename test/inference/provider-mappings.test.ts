// Provider mappings read from the Hub: both shapes the Hub has used, a time-limited cache, failures not cached.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InferenceError } from '../../src-main/engine/inference';
import { usableProviders } from '../../src-main/platform/inference/cloud-routes';
import { createProviderMappings, normalizeMapping } from '../../src-main/platform/inference/provider-mappings';
import { liveOn, startFakeHub, type FakeHub } from '../support/fake-hub';

describe('provider mappings', () => {
  let hub: FakeHub;
  beforeAll(async () => {
    hub = await startFakeHub([{ id: 'org/detr', pipeline_tag: 'object-detection', downloads: 1, likes: 1, inferenceProviderMapping: liveOn('org/detr', 'object-detection') }]);
  });
  afterAll(() => hub.close());

  it('reads the list the Hub answers today and the older dict alike', () => {
    const entry = { provider: 'together', providerId: 'x/y', status: 'live', task: 'conversational' };
    expect(normalizeMapping([entry])).toEqual([entry]);
    expect(normalizeMapping({ together: { providerId: 'x/y', status: 'live', task: 'conversational' } })).toEqual([entry]);
    expect(normalizeMapping(undefined)).toEqual([]);
  });

  it('asks the Hub once per model within the time limit, then again', async () => {
    let now = 0;
    const mappings = createProviderMappings({ hubUrl: () => hub.url, token: () => 'hf_x', ttlMs: 1000, now: () => now });
    const before = hub.requests.length;
    const [a, b] = await Promise.all([mappings.get('org/detr'), mappings.get('org/detr')]);
    expect(a).toEqual(b);
    expect(usableProviders(a, 'object-detection')).toEqual([{ provider: 'hf-inference', providerId: 'org/detr', route: 'classic' }]);
    now = 999;
    await mappings.get('org/detr');
    expect(hub.requests.length - before).toBe(1);
    now = 1000;
    await mappings.get('org/detr');
    expect(hub.requests.length - before).toBe(2);
    expect(mappings.hubRequests).toBe(2);
    expect(await mappings.get('nobody/nothing')).toEqual([]);
  });

  it('reports an unreachable Hub as a network error and does not cache the failure', async () => {
    const mappings = createProviderMappings({ hubUrl: () => 'http://127.0.0.1:9', token: () => undefined });
    const error = await mappings.get('org/detr').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InferenceError);
    expect((error as InferenceError).kind).toBe('network');
    await mappings.get('org/detr').catch(() => undefined);
    expect(mappings.hubRequests).toBe(2);
  });
});
