// A model id from a workflow file or a client cannot change the URL path on an endpoint's host (issue 20, item 12).
import { describe, expect, it } from 'vitest';
import { Conversation } from '../../src-main/engine/conversation';
import { endpointModelUrl, modelTarget } from '../../src-main/engine/selector/endpoints';
import { isRepoId } from '../../src-shared/repo-id';
import { defaultSettings, SettingsSchema } from '../../src-shared/settings';

const settings = { ...defaultSettings(), endpoints: [{ name: 'local', protocol: 'hf' as const, url: 'http://127.0.0.1:8005', enabled: true, models: [] }] };
const selection = (model: string) => ({ taskId: 0, model, endpoint: 'local', reason: '', method: 'user' as const });

describe('strict model ids', () => {
  it.each(['facebook/detr-resnet-50', 'gpt2', 'sd_xl_base_1.0.safetensors'])('accepts %s', (id) => expect(isRepoId(id)).toBe(true));
  it.each(['../../admin/shutdown', '../shutdown', '..', 'a/../b', 'a/b/c', '/abs', 'a b', '%2e%2e/x', '.hidden', 'a/', ''])('refuses %j', (id) => expect(isRepoId(id)).toBe(false));

  it('never builds a URL outside <url>/models/ and refuses the selection instead', () => {
    expect(endpointModelUrl(settings.endpoints[0], 'org/na me')).toBe('http://127.0.0.1:8005/models/org/na%20me');
    expect(() => modelTarget(selection('../../admin/shutdown'), settings)).toThrow(/is not a model id/);
    expect(() => modelTarget({ ...selection('../x'), endpoint: 'huggingface' }, settings)).toThrow(/is not a model id/);
  });

  it('refuses such an id in settings', () => {
    expect(SettingsSchema.safeParse({ endpoints: [{ name: 'x', url: 'http://127.0.0.1:1', models: [{ id: '../admin', task: 'object-detection' }] }] }).success).toBe(false);
  });

  it('fails only that node, with the reason, when a run is given one', async () => {
    const conversation = new Conversation({
      settings: () => settings,
      chat: () => ({}) as never,
      catalog: () => [],
      runner: { run: async () => [] },
      store: { put: async () => { throw new Error('no'); }, read: async () => new Uint8Array(), pathOf: () => '' } as never,
    });
    const tasks = [{ id: 0, task: 'text-classification', dep: [-1], args: { text: 'hi' } }];
    const outcome = await conversation.execute(tasks, { 0: { ...selection('../../admin/shutdown'), method: 'user' } }).done;
    expect(outcome.results[0]).toMatchObject({ status: 'failed', error: { kind: 'no-model', message: expect.stringMatching(/is not a model id/) } });
  });
});
