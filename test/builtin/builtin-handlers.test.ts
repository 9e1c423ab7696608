// The contract's builtin.* channels over a runtime and the fake Hub: list with sizes, download with
// progress events, cancel, delete.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventChannel, EventMap } from '../../src-shared/contract';
import { createBuiltInHandlers } from '../../src-main/service/builtin-handlers';
import { startBuiltInFixture, type BuiltInFixture } from '../support/builtin-fixture';

let fixture: BuiltInFixture | undefined;
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

describe('builtin.* handlers', () => {
  it('lists sizes, downloads with progress events, refuses a second delete, and cancels a stalled download', async () => {
    const f = (fixture = await startBuiltInFixture());
    const events: Array<EventMap['builtin.progress']> = [];
    const handlers = createBuiltInHandlers(f.runtime, <K extends EventChannel>(channel: K, payload: EventMap[K]) => {
      if (channel === 'builtin.progress') events.push(payload as EventMap['builtin.progress']);
    });
    const listed = await handlers['builtin.list']({ sizes: true });
    const detr = listed.find((r) => r.id === 'tiny/detr-colours')!;
    expect(detr).toMatchObject({ endpoint: 'built-in', task: 'object-detection', bytesOnDisk: 0 });
    expect(detr.downloadBytes).toBeGreaterThan(500);

    const done = await handlers['builtin.download']({ id: 'tiny/detr-colours', task: 'object-detection' });
    expect(done.bytesOnDisk).toBe(detr.downloadBytes);
    expect(events.at(-1)).toMatchObject({ id: 'tiny/detr-colours', fraction: 1 });
    expect(await handlers['builtin.delete']({ id: 'tiny/detr-colours' })).toEqual({ deleted: true });
    expect(await handlers['builtin.delete']({ id: 'tiny/detr-colours' })).toEqual({ deleted: false });

    f.hub.stall('tiny/vit-colours/onnx/model_quantized.onnx');
    const stalled = handlers['builtin.download']({ id: 'tiny/vit-colours', task: 'image-classification' });
    await expect.poll(() => f.hub.requests.some((r) => r.endsWith('vit-colours/resolve/main/onnx/model_quantized.onnx')), { timeout: 15_000 }).toBe(true);
    await handlers['builtin.cancelDownload']({ id: 'tiny/vit-colours' });
    await expect(stalled).rejects.toMatchObject({ kind: 'cancelled' });
    // The configs it finished are kept; the weights it was fetching left nothing behind.
    const onnx = join(f.dataDir, 'models', 'tiny', 'vit-colours', 'onnx');
    await expect.poll(() => (existsSync(onnx) ? readdirSync(onnx) : []), { timeout: 5_000 }).toEqual([]);
  });
});
