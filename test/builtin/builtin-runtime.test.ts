// The built-in runtime end to end below the engine: real downloads from a fake Hub into the data folder,
// real transformers.js inference in the worker thread, outputs in the app's formats.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { InferenceCall, InferenceInput } from '../../src-main/engine/inference';
import { InferenceError } from '../../src-main/engine/inference';
import type { EndpointCall } from '../../src-main/platform/endpoints/endpoint-adapter';
import { decodeImage } from '../../src-main/platform/images/raster';
import { startBuiltInFixture, type BuiltInFixture } from '../support/builtin-fixture';
import { tinyPng } from '../support/fake-hf-media';

let fixture: BuiltInFixture | undefined;
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

const png = (rgb: [number, number, number]): InferenceInput => ({ modality: 'image', bytes: new Uint8Array(tinyPng(40, 30, rgb)), mime: 'image/png' });

function wav(amplitude: number): InferenceInput {
  const samples = 8000;
  const bytes = Buffer.alloc(44 + samples * 2);
  bytes.write('RIFF', 0); bytes.writeUInt32LE(36 + samples * 2, 4); bytes.write('WAVE', 8);
  bytes.write('fmt ', 12); bytes.writeUInt32LE(16, 16); bytes.writeUInt16LE(1, 20); bytes.writeUInt16LE(1, 22);
  bytes.writeUInt32LE(8000, 24); bytes.writeUInt32LE(16000, 28); bytes.writeUInt16LE(2, 32); bytes.writeUInt16LE(16, 34);
  bytes.write('data', 36); bytes.writeUInt32LE(samples * 2, 40);
  for (let i = 0; i < samples; i++) bytes.writeInt16LE(Math.round(amplitude * 32767 * Math.sin(i / 3)), 44 + i * 2);
  return { modality: 'audio', bytes: new Uint8Array(bytes), mime: 'audio/wav' };
}

function call(f: BuiltInFixture, task: string, model: string, inputs: Record<string, InferenceInput>, extra: Partial<InferenceCall> = {}): EndpointCall {
  const endpoint = f.settings.endpoints[0];
  return {
    task, model, inputs, signal: new AbortController().signal,
    target: { kind: 'endpoint', endpoint: endpoint.name, protocol: 'transformers.js', url: `built-in:${model}` },
    endpoint, fetch, ...extra,
  };
}

describe('built-in runtime', () => {
  it('downloads a model once, classifies and detects with the models\' own computation, reports progress', async () => {
    const f = (fixture = await startBuiltInFixture());
    const progress: Array<{ message: string; fraction?: number }> = [];
    const red = await f.runtime.adapter.run(call(f, 'image-classification', 'tiny/vit-colours', { image: png([220, 20, 20]) }, { onProgress: (p) => progress.push(p) }));
    expect(red[0]).toMatchObject({ port: 'text', modality: 'text' });
    expect((red[0] as { text: string }).text.split('\n')[0]).toMatch(/^red \(0\.9\d\d\)$/);
    expect(progress.at(-1)).toMatchObject({ fraction: 1 });
    expect(progress[0].message).toMatch(/^downloading tiny\/vit-colours: /);

    const blue = await f.runtime.adapter.run(call(f, 'image-classification', 'tiny/vit-colours', { image: png([10, 10, 230]) }));
    expect((blue[0] as { text: string }).text.split('\n')[0]).toMatch(/^blue /);

    const detected = await f.runtime.adapter.run(call(f, 'object-detection', 'tiny/detr-colours', { image: png([20, 200, 20]) }));
    expect(detected.map((o) => o.port)).toEqual(['image', 'text']);
    expect((detected[1] as { text: string }).text).toMatch(/^green \(0\.9\d\d\) at \[10,7,30,22\]$/);
    const drawn = decodeImage((detected[0] as { bytes: Uint8Array }).bytes)!;
    const at = (x: number, y: number) => [...drawn.data.subarray((y * drawn.width + x) * 4, (y * drawn.width + x) * 4 + 3)];
    expect(at(10, 7)).not.toEqual([20, 200, 20]);
    expect(at(0, 0)).toEqual([20, 200, 20]);

    const files = f.hub.downloads.filter((d) => d.startsWith('tiny/vit-colours/'));
    expect(new Set(files).size).toBe(files.length);
    expect(files).toContain('tiny/vit-colours/onnx/model_quantized.onnx');
  });

  it('runs text models (classification, tagging, similarity) and an audio model', async () => {
    const f = (fixture = await startBuiltInFixture());
    const text = await f.runtime.adapter.run(call(f, 'text-classification', 'tiny/bert-sentiment', { text: { modality: 'text', text: 'I hate this awful film' } }));
    expect((text[0] as { text: string }).text.split('\n')[0]).toMatch(/^NEGATIVE /);
    const tags = await f.runtime.adapter.run(call(f, 'token-classification', 'tiny/bert-word-tags', { text: { modality: 'text', text: 'a great but awful day' } }));
    expect((tags[0] as { text: string }).text).toMatch(/^great: POS \(0\.9\d\d\)\nawful: NEG \(0\.9\d\d\)$/);
    const similar = (a: string, b: string) => f.runtime.adapter.run(call(f, 'sentence-similarity', 'tiny/bert-embeddings', { text1: { modality: 'text', text: a }, text2: { modality: 'text', text: b } }));
    expect((await similar('good', 'great love'))[0]).toMatchObject({ text: 'similarity: 1.000' });
    expect(((await similar('good', 'bad'))[0] as { data: { score: number } }).data.score).toBeLessThan(-0.9);
    const loud = await f.runtime.adapter.run(call(f, 'audio-classification', 'tiny/wav2vec2-loudness', { audio: wav(0.8) }));
    expect((loud[0] as { text: string }).text.split('\n')[0]).toMatch(/^sound /);
    const quiet = await f.runtime.adapter.run(call(f, 'audio-classification', 'tiny/wav2vec2-loudness', { audio: wav(0) }));
    expect((quiet[0] as { text: string }).text.split('\n')[0]).toMatch(/^silence /);
  });

  it('returns a depth map as a PNG of the input\'s size, brighter where the input is brighter', async () => {
    const f = (fixture = await startBuiltInFixture());
    const half = new Uint8Array(tinyPng(32, 16, [0, 0, 0], (x) => (x >= 16 ? [250, 250, 250] : undefined)));
    const [depth] = await f.runtime.adapter.run(call(f, 'depth-estimation', 'tiny/dpt-brightness', { image: { modality: 'image', bytes: half, mime: 'image/png' } }));
    expect(depth).toMatchObject({ port: 'image', modality: 'image', mime: 'image/png' });
    const map = decodeImage((depth as { bytes: Uint8Array }).bytes)!;
    expect([map.width, map.height]).toEqual([32, 16]);
    const grey = (x: number, y: number) => map.data[(y * map.width + x) * 4];
    expect(grey(28, 8)).toBeGreaterThan(grey(3, 8) + 100);
  });

  it('segments an image into labelled masks painted in one picture', async () => {
    const f = (fixture = await startBuiltInFixture());
    const halves = new Uint8Array(tinyPng(32, 16, [220, 10, 10], (x) => (x >= 16 ? [10, 10, 220] : undefined)));
    const outputs = await f.runtime.adapter.run(call(f, 'image-segmentation', 'tiny/segformer-colours', { image: { modality: 'image', bytes: halves, mime: 'image/png' } }));
    expect(outputs.map((o) => o.port)).toEqual(['image', 'text']);
    expect((outputs[1] as { text: string }).text.split('\n').sort()).toEqual(['blue', 'red']);
    const picture = decodeImage((outputs[0] as { bytes: Uint8Array }).bytes)!;
    const rgb = (x: number, y: number) => [...picture.data.subarray((y * picture.width + x) * 4, (y * picture.width + x) * 4 + 3)];
    expect([picture.width, picture.height]).toEqual([32, 16]);
    expect(rgb(3, 8)).not.toEqual(rgb(28, 8));
  });

  it('runs from the cache with the Hub gone, lists sizes on disk and deletes', async () => {
    const f = (fixture = await startBuiltInFixture());
    const bytes = await f.runtime.download('tiny/vit-colours', 'image-classification');
    expect(bytes).toBeGreaterThan(100);
    await f.hub.close();
    const again = await f.runtime.adapter.run(call(f, 'image-classification', 'tiny/vit-colours', { image: png([220, 20, 20]) }));
    expect((again[0] as { text: string }).text).toMatch(/^red /);
    const listed = await f.runtime.list();
    expect(listed.find((m) => m.id === 'tiny/vit-colours')).toEqual({ endpoint: 'built-in', id: 'tiny/vit-colours', task: 'image-classification', bytesOnDisk: bytes });
    expect(listed.find((m) => m.id === 'tiny/detr-colours')?.bytesOnDisk).toBe(0);
    expect(await f.runtime.remove('tiny/vit-colours')).toBe(true);
    expect((await f.runtime.list()).find((m) => m.id === 'tiny/vit-colours')?.bytesOnDisk).toBe(0);
  });

  it('cancels a stalled download at once and leaves no partial file in the cache', async () => {
    const f = (fixture = await startBuiltInFixture());
    f.hub.stall('tiny/detr-colours/onnx/model_quantized.onnx');
    const controller = new AbortController();
    const running = f.runtime.adapter.run(call(f, 'object-detection', 'tiny/detr-colours', { image: png([1, 2, 3]) }, { signal: controller.signal }));
    await expect.poll(() => f.hub.requests.some((r) => r.endsWith('model_quantized.onnx')), { timeout: 15_000 }).toBe(true);
    controller.abort();
    await expect(running).rejects.toMatchObject({ kind: 'cancelled' });
    const folder = join(f.dataDir, 'models', 'tiny', 'detr-colours', 'onnx');
    await expect.poll(() => (existsSync(folder) ? readdirSync(folder) : []), { timeout: 5_000 }).toEqual([]);
  });

  it('lets a download go on when the call times out, so that the retry joins it', async () => {
    const f = (fixture = await startBuiltInFixture());
    const file = 'tiny/vit-colours/onnx/model_quantized.onnx';
    f.hub.stall(file);
    const controller = new AbortController();
    const first = f.runtime.adapter.run(call(f, 'image-classification', 'tiny/vit-colours', { image: png([220, 20, 20]) }, { signal: controller.signal }));
    await expect.poll(() => f.hub.requests.some((r) => r.endsWith(file.replace('tiny/vit-colours/', 'resolve/main/'))), { timeout: 15_000 }).toBe(true);
    controller.abort(new InferenceError('timeout', 'built-in did not answer within 1 s'));
    await expect(first).rejects.toMatchObject({ kind: 'timeout' });
    const retry = f.runtime.adapter.run(call(f, 'image-classification', 'tiny/vit-colours', { image: png([220, 20, 20]) }));
    f.hub.release(file);
    expect(((await retry)[0] as { text: string }).text).toMatch(/^red /);
    expect(f.hub.downloads.filter((d) => d === file)).toHaveLength(1);
  });

  it('says what is wrong when the Hub has no such model or no ONNX file', async () => {
    const f = (fixture = await startBuiltInFixture());
    const missing = f.runtime.adapter.run(call(f, 'image-classification', 'nobody/nothing', { image: png([1, 2, 3]) }));
    await expect(missing).rejects.toBeInstanceOf(InferenceError);
    await expect(missing).rejects.toMatchObject({ kind: 'http', retriable: false, message: expect.stringContaining('has no model "nobody/nothing"') });
    // A repo with a config but no ONNX weights (a PyTorch-only model).
    const noOnnx = f.runtime.adapter.run(call(f, 'text-classification', 'tiny/vit-colours', { text: { modality: 'text', text: 'good' } }));
    await expect(noOnnx).rejects.toMatchObject({ kind: 'http', message: expect.stringMatching(/has no file tokenizer(_config)?\.json on the Hub/) });
    await expect(f.runtime.adapter.run(call(f, 'text-to-video', 'tiny/vit-colours', {}))).rejects.toMatchObject({ kind: 'invalid-input' });
    await expect(f.runtime.adapter.run(call(f, 'image-classification', '../etc', {}))).rejects.toMatchObject({ kind: 'invalid-input' });
  });
});
