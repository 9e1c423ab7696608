import { describe, expect, it } from 'vitest';
import { rankCandidates, topCandidates, unavailableReason } from '../../src-main/engine/selector/candidates';
import { fallbackTarget, modelTarget } from '../../src-main/engine/selector/endpoints';
import { CATALOG, HF, localEndpoint, settingsWith } from './support';

const ids = (list: Array<{ id: string }>) => list.map((c) => c.id);

describe('rankCandidates', () => {
  it('ranks the catalog models of a task by downloads and sends them to Hugging Face in huggingface mode', () => {
    const settings = settingsWith({ huggingface: HF, execution: { mode: 'huggingface' } });
    const ranked = rankCandidates('object-detection', CATALOG, settings);
    expect(ids(ranked)).toEqual(['facebook/detr-resnet-50', 'microsoft/table-transformer-detection', 'hustvl/yolos-tiny', 'facebook/detr-resnet-101']);
    expect(ranked.map((c) => c.rank)).toEqual([1, 2, 3, 4]);
    expect(new Set(ranked.map((c) => c.endpoint))).toEqual(new Set(['huggingface']));
  });

  it('resolves task aliases the LLM may write', () => {
    const settings = settingsWith({ huggingface: HF });
    expect(ids(rankCandidates('image-captioning', CATALOG, settings))).toEqual(['Salesforce/blip-image-captioning-large', 'nlpconnect/vit-gpt2-image-captioning']);
  });

  it('cuts to settings.selection.topK in topCandidates, or to an explicit limit', () => {
    const settings = settingsWith({ huggingface: HF, selection: { topK: 2 } });
    expect(ids(topCandidates('object-detection', CATALOG, settings))).toEqual(['facebook/detr-resnet-50', 'microsoft/table-transformer-detection']);
    expect(topCandidates('object-detection', CATALOG, settings, 3)).toHaveLength(3);
    expect(rankCandidates('object-detection', CATALOG, settings)).toHaveLength(4);
  });

  it('in local mode offers only what enabled local endpoints declare, declared-only models after catalog ones', () => {
    const settings = settingsWith({
      huggingface: HF,
      execution: { mode: 'local' },
      endpoints: [
        localEndpoint('vision', 'http://127.0.0.1:8005', [
          { id: 'my-org/private-detector', task: 'object-detection' },
          { id: 'hustvl/yolos-tiny', task: 'detection' },
        ]),
        localEndpoint('off', 'http://127.0.0.1:8006', [{ id: 'facebook/detr-resnet-50', task: 'object-detection' }], false),
      ],
    });
    const ranked = rankCandidates('object-detection', CATALOG, settings);
    expect(ranked.map((c) => [c.id, c.endpoint, c.rank])).toEqual([
      ['hustvl/yolos-tiny', 'vision', 1],
      ['my-org/private-detector', 'vision', 2],
    ]);
    expect(ranked[1].description).toContain('not in the catalog');
  });

  it('in hybrid mode ranks what enabled endpoints serve first (catalog ones by downloads, then declared-only), then the cloud by downloads', () => {
    const settings = settingsWith({
      huggingface: HF,
      execution: { mode: 'hybrid' },
      endpoints: [
        localEndpoint('vision', 'http://127.0.0.1:8005', [
          { id: 'my-org/private-detector', task: 'object-detection' },
          { id: 'facebook/detr-resnet-101', task: 'object-detection' },
          { id: 'hustvl/yolos-tiny', task: 'object-detection' },
        ]),
        localEndpoint('off', 'http://127.0.0.1:8006', [{ id: 'someone/disabled-detector', task: 'object-detection' }], false),
      ],
    });
    const ranked = rankCandidates('object-detection', CATALOG, settings);
    expect(ranked.map((c) => [c.id, c.endpoint, c.rank])).toEqual([
      ['hustvl/yolos-tiny', 'vision', 1],
      ['facebook/detr-resnet-101', 'vision', 2],
      ['my-org/private-detector', 'vision', 3],
      ['facebook/detr-resnet-50', 'huggingface', 4],
      ['microsoft/table-transformer-detection', 'huggingface', 5],
    ]);
  });

  it('puts an endpoint-only model (the built-in runtime\'s curated kind) ahead of more downloaded cloud models in hybrid mode', () => {
    const builtIn = { name: 'built-in', protocol: 'transformers.js' as const, enabled: true, models: [{ id: 'Xenova/detr-resnet-50', task: 'object-detection' }] };
    const settings = settingsWith({ huggingface: HF, execution: { mode: 'hybrid' }, endpoints: [builtIn] });
    const [first, second] = topCandidates('object-detection', CATALOG, settings);
    expect(first).toMatchObject({ id: 'Xenova/detr-resnet-50', endpoint: 'built-in', rank: 1 });
    expect(second).toMatchObject({ id: 'facebook/detr-resnet-50', endpoint: 'huggingface', rank: 2 });
    // The same endpoint in huggingface mode is ignored: that mode keeps its cloud-only order.
    const cloudOnly = settingsWith({ huggingface: HF, execution: { mode: 'huggingface' }, endpoints: [builtIn] });
    expect(ids(rankCandidates('object-detection', CATALOG, cloudOnly))).toEqual(['facebook/detr-resnet-50', 'microsoft/table-transformer-detection', 'hustvl/yolos-tiny', 'facebook/detr-resnet-101']);
  });

  it('ignores local endpoints in huggingface mode and the cloud without a token', () => {
    const endpoints = [localEndpoint('vision', 'http://127.0.0.1:8005', [{ id: 'hustvl/yolos-tiny', task: 'object-detection' }])];
    const cloudOnly = settingsWith({ huggingface: HF, execution: { mode: 'huggingface' }, endpoints });
    expect(rankCandidates('object-detection', CATALOG, cloudOnly).every((c) => c.endpoint === 'huggingface')).toBe(true);
    const noToken = settingsWith({ execution: { mode: 'hybrid' }, endpoints });
    expect(ids(rankCandidates('object-detection', CATALOG, noToken))).toEqual(['hustvl/yolos-tiny']);
    const disabled = settingsWith({ huggingface: { token: 'hf_x', enabled: false }, execution: { mode: 'huggingface' } });
    expect(rankCandidates('object-detection', CATALOG, disabled)).toEqual([]);
  });

  it('never sends ControlNet tasks to the cloud', () => {
    const settings = settingsWith({ huggingface: HF, execution: { mode: 'hybrid' } });
    expect(rankCandidates('openpose-text-to-image', CATALOG, settings)).toEqual([]);
    const withLocal = settingsWith({
      huggingface: HF,
      endpoints: [localEndpoint('cn', 'http://127.0.0.1:9000', [{ id: 'lllyasviel/sd-controlnet-openpose', task: 'pose-text-to-image' }])],
    });
    expect(rankCandidates('openpose-text-to-image', CATALOG, withLocal).map((c) => [c.id, c.endpoint])).toEqual([['lllyasviel/sd-controlnet-openpose', 'cn']]);
  });

  it('trims long descriptions to one short line', () => {
    const long = [{ ...CATALOG[0], description: `first line\n  ${'very '.repeat(60)}long` }];
    const [candidate] = rankCandidates('object-detection', long, settingsWith({ huggingface: HF }));
    expect(candidate.description).not.toContain('\n');
    expect(candidate.description.length).toBeLessThanOrEqual(120);
    expect(candidate.description.endsWith('…')).toBe(true);
  });
});

describe('unavailableReason', () => {
  it('says how to fix each situation', () => {
    expect(unavailableReason('object-detection', CATALOG, settingsWith({ execution: { mode: 'local' } }))).toMatch(
      /add a local endpoint serving task "object-detection".*facebook\/detr-resnet-50/,
    );
    expect(unavailableReason('object-detection', CATALOG, settingsWith({ execution: { mode: 'huggingface' } }))).toMatch(/set a Hugging Face token/);
    expect(unavailableReason('object-detection', CATALOG, settingsWith({ huggingface: { token: 'hf_x', enabled: false } }))).toMatch(/enable Hugging Face/);
    expect(unavailableReason('openpose-control', CATALOG, settingsWith({ huggingface: HF }))).toMatch(/runs only on local endpoints/);
    expect(unavailableReason('tabular-classification', CATALOG, settingsWith({ huggingface: HF }))).toMatch(/models --refresh/);
    expect(unavailableReason('juggling', CATALOG, settingsWith())).toMatch(/not a known task type/);
  });
});

describe('modelTarget and fallbackTarget', () => {
  const settings = settingsWith({
    huggingface: { ...HF, provider: 'hf-inference' },
    execution: { mode: 'hybrid' },
    endpoints: [
      localEndpoint('vision', 'http://127.0.0.1:8005/', [
        { id: 'facebook/detr-resnet-50', task: 'object-detection' },
        { id: 'hustvl/yolos-tiny', task: 'object-detection', url: 'http://127.0.0.1:8100' },
      ]),
    ],
  });
  const sel = (model: string, endpoint: string) => ({ taskId: 0, model, endpoint, reason: '', method: 'llm' as const });

  it('maps an endpoint selection to <url>/models/<id> or the model\'s own url, and the cloud to its provider', () => {
    expect(modelTarget(sel('facebook/detr-resnet-50', 'vision'), settings)).toEqual({ kind: 'endpoint', protocol: 'hf', endpoint: 'vision', url: 'http://127.0.0.1:8005/models/facebook/detr-resnet-50' });
    expect(modelTarget(sel('hustvl/yolos-tiny', 'vision'), settings)).toEqual({ kind: 'endpoint', protocol: 'hf', endpoint: 'vision', url: 'http://127.0.0.1:8100' });
    expect(modelTarget(sel('facebook/detr-resnet-50', 'huggingface'), settings)).toEqual({ kind: 'huggingface', provider: 'hf-inference' });
  });

  it('refuses LLM tasks and endpoints that are gone, with typed errors', () => {
    expect(() => modelTarget(sel('gpt-4o-mini', 'llm'), settings)).toThrow(expect.objectContaining({ kind: 'not-a-model-call' }));
    expect(() => modelTarget(sel('x/y', 'removed'), settings)).toThrow(expect.objectContaining({ kind: 'unknown-endpoint' }));
  });

  it('falls back to the cloud only in hybrid mode with fallbackToCloud and a usable account', () => {
    const local = sel('facebook/detr-resnet-50', 'vision');
    expect(fallbackTarget(local, settings, 'object-detection')).toEqual({ kind: 'huggingface', provider: 'hf-inference' });
    expect(fallbackTarget(local, settings, 'openpose-text-to-image')).toBeUndefined();
    expect(fallbackTarget(local, { ...settings, execution: { ...settings.execution, fallbackToCloud: false } })).toBeUndefined();
    expect(fallbackTarget(local, { ...settings, execution: { ...settings.execution, mode: 'local' } })).toBeUndefined();
    expect(fallbackTarget(local, { ...settings, huggingface: { ...settings.huggingface, token: undefined } })).toBeUndefined();
    expect(fallbackTarget(sel('facebook/detr-resnet-50', 'huggingface'), settings)).toBeUndefined();
  });

  it('never sends a ComfyUI checkpoint to the cloud: its failure stays the node\'s error', () => {
    const comfy = { name: 'comfy', protocol: 'comfyui' as const, url: 'http://127.0.0.1:8188', enabled: true, models: [{ id: 'sd_xl_base_1.0.safetensors', task: 'text-to-image' }] };
    const withComfy = { ...settings, endpoints: [...settings.endpoints, comfy] };
    expect(modelTarget(sel('sd_xl_base_1.0.safetensors', 'comfy'), withComfy)).toEqual({ kind: 'endpoint', protocol: 'comfyui', endpoint: 'comfy', url: 'http://127.0.0.1:8188' });
    expect(fallbackTarget(sel('sd_xl_base_1.0.safetensors', 'comfy'), withComfy, 'text-to-image')).toBeUndefined();
  });
});
