// builtin.overheadMs: what the built-in runtime adds per call over running the same transformers.js pipeline
// (and the same input/output code) directly in the calling thread; builtin.eventLoopDelayMs: the main event
// loop's worst delay while the worker runs the model. On a generated ViT-shaped model (24 layers of
// 2048x2048 MatMul, 16 MB) so that inference dominates each call.
import { mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { env, pipeline } from '@huggingface/transformers';
import { SettingsSchema } from '../src-shared/settings';
import type { InferenceInput } from '../src-main/engine/inference';
import { createBuiltInRuntime } from '../src-main/platform/endpoints/transformers-js/builtin-runtime';
import { TASK_PIPELINES, type LoadedPipeline } from '../src-main/platform/endpoints/transformers-js/task-pipelines';
import { startFakeHubFiles } from '../test/support/fake-hub-files';
import { tinyPng } from '../test/support/fake-hf-media';
import { vitColours } from '../test/support/tiny-models/tiny-models';
import { log, median, round, type Bench, type BenchResult } from './support/figure';

const MODEL = 'bench/vit-heavy';
const CALLS = 15;

async function measure(): Promise<BenchResult> {
  const hub = await startFakeHubFiles({ [MODEL]: vitColours({ size: 64, hidden: 2048, layers: 24 }) });
  const dataDir = mkdtempSync(join(tmpdir(), 'hgs-bench-builtin-'));
  const settings = SettingsSchema.parse({ huggingface: { enabled: false, hubUrl: hub.url }, endpoints: [{ name: 'built-in', protocol: 'transformers.js', models: [{ id: MODEL, task: 'image-classification' }] }] });
  const runtime = createBuiltInRuntime({ dataDir, settings: () => settings });
  const inputs: Record<string, InferenceInput> = { image: { modality: 'image', bytes: new Uint8Array(tinyPng(256, 256, [200, 30, 30])), mime: 'image/png' } };
  const endpoint = settings.endpoints[0];
  const viaRuntime = () => runtime.adapter.run({
    task: 'image-classification', model: MODEL, inputs, signal: new AbortController().signal,
    target: { kind: 'endpoint', endpoint: 'built-in', protocol: 'transformers.js', url: `built-in:${MODEL}` }, endpoint, fetch,
  });
  try {
    const startedAt = performance.now();
    await viaRuntime(); // download, worker start, session creation
    const firstCallMs = performance.now() - startedAt;
    // 1. Event-loop delay while only the worker computes (nothing of ONNX Runtime loaded in this thread yet),
    //    then the same span with nothing running, for the machine's own scheduling noise.
    const busy = monitorEventLoopDelay({ resolution: 1 });
    busy.enable();
    const busyStart = performance.now();
    for (let i = 0; i < CALLS; i++) await viaRuntime();
    const busySpan = performance.now() - busyStart;
    busy.disable();
    const idle = monitorEventLoopDelay({ resolution: 1 });
    idle.enable();
    await new Promise((resolve) => setTimeout(resolve, busySpan));
    idle.disable();
    // 2. Overhead: the same pipeline and I/O code in this thread, from the same cached files, interleaved.
    Object.assign(env, { remoteHost: `${hub.url}/`, cacheDir: join(dataDir, 'models'), allowLocalModels: false });
    const pipe = (await pipeline('image-classification', MODEL, { dtype: 'q8', device: 'cpu' })) as unknown as LoadedPipeline;
    const direct = () => TASK_PIPELINES['image-classification'].run(pipe, inputs);
    await direct();
    const directMs: number[] = [], runtimeMs: number[] = [];
    for (let i = 0; i < CALLS; i++) {
      let t0 = performance.now();
      await direct();
      directMs.push(performance.now() - t0);
      t0 = performance.now();
      await viaRuntime();
      runtimeMs.push(performance.now() - t0);
    }
    const overhead = median(runtimeMs) - median(directMs);
    const worstDelayMs = busy.max / 1e6;
    log(`builtin: direct ${median(directMs).toFixed(1)} ms, via worker ${median(runtimeMs).toFixed(1)} ms, event-loop delay max ${worstDelayMs.toFixed(1)} ms (idle ${(idle.max / 1e6).toFixed(1)} ms)`);
    await pipe.dispose?.();
    return {
      figures: [
        { name: 'builtin.overheadMs', value: round(overhead, 2), unit: 'ms', target: { op: '<', limit: 5 }, note: 'median per call via the worker minus median in-thread, same pipeline and I/O code' },
        { name: 'builtin.eventLoopDelayMs', value: round(worstDelayMs, 1), unit: 'ms', target: { op: '<', limit: 20 }, note: 'max main event-loop delay while the worker runs the model' },
      ],
      details: {
        model: `${MODEL}: generated ViT-shaped ONNX, 24 x (2048x2048) MatMul, q8 file name, fp32 weights`,
        calls: CALLS,
        firstCallMs: round(firstCallMs, 1),
        directMsMedian: round(median(directMs), 2),
        runtimeMsMedian: round(median(runtimeMs), 2),
        directMs: directMs.map((v) => round(v, 1)),
        runtimeMs: runtimeMs.map((v) => round(v, 1)),
        eventLoopDelayP99Ms: round(busy.percentile(99) / 1e6, 2),
        idleEventLoopDelayMaxMs: round(idle.max / 1e6, 1),
        idleEventLoopDelayP99Ms: round(idle.percentile(99) / 1e6, 2),
        loadAverage: loadavg().map((v) => round(v, 1)),
      },
    };
  } finally {
    await runtime.close();
    await hub.close();
  }
}

export const builtInRuntimeBench: Bench = { name: 'builtin', run: measure };
