import { describe, expect, it } from 'vitest';
import type { SettingsPatch } from '../../../src-shared/contract';
import { defaultSettings, describeZodError, SettingsSchema, toSettingsView, type Settings } from '../../../src-shared/settings';
import { LLM_PRESETS, presetForBaseUrl } from '../../../src-renderer/settings/llm-presets';
import { endpointsPatch, executionPatch, llmPatch, taskTimeoutProblems, toEndpointDrafts } from '../../../src-renderer/settings/settings-patches';
import { draftOf, formPatch, formProblems, isDirty } from '../../../src-renderer/settings/settings-form';

/** What the engine does with a panel patch (merge sections, replace endpoints, validate), for the sections used here. */
function applySettingsPatch(current: Settings, patch: SettingsPatch): Settings {
  const merged = { ...current, ...patch, execution: { ...current.execution, ...patch.execution } };
  const parsed = SettingsSchema.safeParse(merged);
  if (!parsed.success) throw new Error(describeZodError(parsed.error));
  return parsed.data;
}

describe('settings panel logic', () => {
  it('offers the required presets with their base URLs', () => {
    const byId = Object.fromEntries(LLM_PRESETS.map((p) => [p.id, p.baseURL]));
    expect(byId).toMatchObject({
      openai: 'https://api.openai.com/v1',
      huggingface: 'https://router.huggingface.co/v1',
      ollama: 'http://127.0.0.1:11434/v1',
      lmstudio: 'http://127.0.0.1:1234/v1',
      azure: 'https://YOUR-RESOURCE.openai.azure.com/openai/v1',
      vllm: 'http://127.0.0.1:8000/v1',
      llamacpp: 'http://127.0.0.1:8080/v1',
      tgi: 'http://127.0.0.1:3000/v1',
      custom: '',
    });
    for (const p of LLM_PRESETS.filter((x) => x.id !== 'custom')) {
      expect(() => SettingsSchema.parse({ llm: { baseURL: p.baseURL, model: p.model } })).not.toThrow();
    }
  });

  it('recognises a preset from a base URL, loosely, and calls anything else custom', () => {
    expect(presetForBaseUrl('http://localhost:11434/v1/').id).toBe('ollama');
    expect(presetForBaseUrl('https://router.huggingface.co/v1').id).toBe('huggingface');
    expect(presetForBaseUrl('http://10.0.0.5:8000/v1').id).toBe('custom');
    expect(presetForBaseUrl('').id).toBe('custom');
    expect(presetForBaseUrl('https://contoso.openai.azure.com/openai/v1/').id).toBe('azure');
    expect(presetForBaseUrl('http://127.0.0.1:8000/v1').id).toBe('vllm');
    expect(presetForBaseUrl('http://localhost:3000/v1').id).toBe('tgi');
  });

  it('keeps the saved API key unless a new one is typed', () => {
    expect(llmPatch({ baseURL: ' http://127.0.0.1:1234/v1 ', model: 'm', apiKey: '' })).toEqual({ llm: { baseURL: 'http://127.0.0.1:1234/v1', model: 'm' } });
    expect(llmPatch({ baseURL: 'x', model: 'm', apiKey: 'sk-new' }).llm?.apiKey).toBe('sk-new');
  });

  it('round-trips endpoints through drafts into a patch the engine accepts', () => {
    const settings = applySettingsPatch(defaultSettings(), {
      endpoints: [{ name: 'vision', protocol: 'hf', url: 'http://127.0.0.1:8005', enabled: false, models: [{ id: 'facebook/detr-resnet-50', task: 'object-detection', url: 'http://127.0.0.1:9000' }] }],
    });
    const view = toSettingsView(settings);
    const drafts = toEndpointDrafts(view.endpoints);
    expect(endpointsPatch(drafts).endpoints).toEqual(view.endpoints.map(({ authorizationSet: _set, ...e }) => e));
    drafts[0].models.push({ key: 'blank', id: '  ', task: '' }, { key: 'new', id: ' org/new ', task: 'image-classification' });
    drafts[0].name = ' vision ';
    const patch = endpointsPatch(drafts);
    expect(patch.endpoints?.[0].name).toBe('vision');
    expect(patch.endpoints?.[0].models.map((m) => m.id)).toEqual(['facebook/detr-resnet-50', 'org/new']);
    expect(applySettingsPatch(settings, patch).endpoints[0].models).toHaveLength(2);
  });

  it('a half-filled model row reaches the engine, which names the field', () => {
    const drafts = toEndpointDrafts([{ name: 'e', protocol: 'hf', url: 'http://127.0.0.1:1', enabled: true, models: [], authorizationSet: false }]);
    drafts[0].models.push({ key: 'k', id: '', task: 'image-classification' });
    expect(() => applySettingsPatch(defaultSettings(), endpointsPatch(drafts))).toThrow(/endpoints\.0\.models\.0\.id/);
  });

  it('enters the timeout in seconds and saves milliseconds', () => {
    const patch = executionPatch({ maxParallel: 3, timeoutSeconds: 90, taskTimeouts: [], retries: 1, fallbackToCloud: false, autoRespond: false });
    expect(patch.execution).toEqual({ maxParallel: 3, timeoutMs: 90_000, taskTimeoutMs: {}, retries: 1, fallbackToCloud: false, autoRespond: false });
    expect(() => applySettingsPatch(defaultSettings(), executionPatch({ maxParallel: NaN, timeoutSeconds: 1, taskTimeouts: [], retries: 0, fallbackToCloud: true, autoRespond: true }))).toThrow(/execution\.maxParallel/);
  });

  it('edits the per-task timeouts in seconds: the saved ones as rows, the patch in milliseconds, bad rows named', () => {
    const view = toSettingsView(defaultSettings());
    const form = draftOf(view);
    expect(form.execution.taskTimeouts.map(({ task, seconds }) => [task, seconds])).toEqual([['image-to-image', 180], ['text-to-image', 180], ['text-to-video', 600]]);
    expect(isDirty(draftOf(view), view)).toBe(false);
    form.execution.taskTimeouts = [...form.execution.taskTimeouts.filter((r) => r.task !== 'image-to-image'), { key: 'n', task: 'automatic-speech-recognition', seconds: 30.5 }];
    expect(isDirty(form, view)).toBe(true);
    const patch = formPatch(form, view);
    expect(patch.execution?.taskTimeoutMs).toEqual({ 'automatic-speech-recognition': 30_500, 'text-to-image': 180_000, 'text-to-video': 600_000 });
    expect(applySettingsPatch(defaultSettings(), patch).execution.taskTimeoutMs).toEqual(patch.execution?.taskTimeoutMs);

    expect(formProblems(form)).toEqual([]);
    const bad = [{ key: 'a', task: '', seconds: 10 }, { key: 'b', task: 'text-to-image', seconds: 0 }, { key: 'c', task: 'text-to-image', seconds: NaN }];
    expect(taskTimeoutProblems(bad)).toEqual([
      'Per-task timeout: choose a task type or remove the row.',
      'Per-task timeout of text-to-image: enter a number of seconds above 0.',
      'Per-task timeout: text-to-image is listed twice.',
      'Per-task timeout of text-to-image: enter a number of seconds above 0.',
    ]);
  });

  it('the engine refuses a per-task timeout for a name that is not a task type, naming it', () => {
    expect(() => applySettingsPatch(defaultSettings(), { execution: { taskTimeoutMs: { 'text-to-img': 1000 } } })).toThrow(/execution\.taskTimeoutMs\.text-to-img: "text-to-img" is not a task type/);
    expect(() => applySettingsPatch(defaultSettings(), { execution: { taskTimeoutMs: { 'text-to-image': -5 } } })).toThrow(/execution\.taskTimeoutMs\.text-to-image/);
  });
});
