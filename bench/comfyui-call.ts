// comfyui.callOverheadMs: what the ComfyUI protocol adds to one image call (upload, queue, follow, fetch)
// against a loopback ComfyUI that makes its image at once, with /ws progress and with /history polling only.
import { performance } from 'node:perf_hooks';
import type { InferenceInput } from '../src-main/engine/inference';
import { comfyuiAdapter } from '../src-main/platform/endpoints/comfyui-adapter';
import type { EndpointCall } from '../src-main/platform/endpoints/endpoint-adapter';
import { pngFor, startFakeComfy } from '../test/support/fake-comfyui';
import { log, median, round, type Bench, type BenchResult } from './support/figure';

const CALLS = 20;
const CHECKPOINT = 'v1-5-pruned-emaonly.safetensors';

async function medianCallMs(websocket: boolean, task: 'text-to-image' | 'image-to-image'): Promise<number> {
  const fake = await startFakeComfy({ checkpoints: [CHECKPOINT], websocket });
  const adapter = comfyuiAdapter();
  const inputs: Record<string, InferenceInput> = { text: { modality: 'text', text: 'a heron' }, seed: { modality: 'text', text: '1' } };
  if (task === 'image-to-image') inputs.image = { modality: 'image', bytes: pngFor('input', 64), mime: 'image/png' };
  const call = (): EndpointCall => ({
    task, model: CHECKPOINT, inputs, signal: AbortSignal.timeout(10_000), fetch,
    target: { kind: 'endpoint', endpoint: 'comfy', protocol: 'comfyui', url: fake.url },
    endpoint: { name: 'comfy', protocol: 'comfyui', url: fake.url, enabled: true, models: [] },
  });
  try {
    await adapter.run(call()); // warm-up
    const times: number[] = [];
    for (let i = 0; i < CALLS; i++) {
      const start = performance.now();
      await adapter.run(call());
      times.push(performance.now() - start);
    }
    return round(median(times), 1);
  } finally {
    await fake.close();
  }
}

async function measure(): Promise<BenchResult> {
  const withSocket = await medianCallMs(true, 'text-to-image');
  const polling = await medianCallMs(false, 'text-to-image');
  const withUpload = await medianCallMs(true, 'image-to-image');
  log(`comfyui: median call ${withSocket} ms with /ws, ${polling} ms polling /history, ${withUpload} ms with an upload`);
  return {
    figures: [
      { name: 'comfyui.callOverheadMs', value: withSocket, unit: 'ms', note: `median of ${CALLS} text-to-image calls, /ws progress, loopback fake that renders at once` },
      { name: 'comfyui.pollingCallMs', value: polling, unit: 'ms', note: 'the same without /ws: GET /history after 50, 100, 200 ms, then every 500 ms' },
    ],
    details: { calls: CALLS, withSocket, polling, imageToImageWithUpload: withUpload },
  };
}

export const comfyuiCallBench: Bench = { name: 'comfyui-call', run: measure };
