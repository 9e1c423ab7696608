// The endpoint editor's data: rows "Find models" adds, and ComfyUI fields kept through the settings form.
import { describe, expect, it } from 'vitest';
import { withFoundModels } from '../../../src-renderer/settings/EndpointEditor';
import { endpointsPatch, toEndpointDrafts } from '../../../src-renderer/settings/settings-patches';

describe('endpoint editor', () => {
  it('adds found rows without duplicating the rows it has, dropping blank ones', () => {
    const kept = { key: 'a', id: 'dreamshaper_8.safetensors', task: 'text-to-image' };
    const blank = { key: 'b', id: '', task: '' };
    const merged = withFoundModels([kept, blank], [{ id: kept.id, task: 'text-to-image' }, { id: kept.id, task: 'image-to-image' }]);
    expect(merged.map((m) => [m.id, m.task])).toEqual([[kept.id, 'text-to-image'], [kept.id, 'image-to-image']]);
  });

  it('keeps the ControlNet and workflow of a row through the settings form', () => {
    const models = [{ id: 'a.safetensors', task: 'openpose-text-to-image', controlnet: 'pose.pth', workflow: { file: '/w.json', fill: { prompt: '6.text' } } }];
    const drafts = toEndpointDrafts([{ name: 'comfy', protocol: 'comfyui', url: 'http://127.0.0.1:8188', enabled: true, models, authorizationSet: false }]);
    expect(endpointsPatch(drafts).endpoints?.[0].models).toEqual(models);
  });
});
