// Settings format 3: saved endpoints get protocol "hf" and the built-in endpoint is added once.
import { describe, expect, it } from 'vitest';
import { CURATED_BUILT_IN_MODELS } from '../../src-shared/built-in-models';
import { BUILT_IN_TASKS, protocolServes } from '../../src-shared/endpoint-protocols';
import { defaultSettings, SettingsSchema } from '../../src-shared/settings';
import { migrateSettings, migrateV2ToV3 } from '../../src-main/service/settings/settings-migrations';
import { TASK_PIPELINES } from '../../src-main/platform/endpoints/transformers-js/task-pipelines';

const local = { name: 'local-vision', url: 'http://127.0.0.1:8005', models: [{ id: 'facebook/detr-resnet-50', task: 'object-detection' }] };

describe('settings format 3', () => {
  it('names saved endpoints\' protocol and adds the built-in endpoint', () => {
    const migrated = migrateV2ToV3({ endpoints: [local] });
    expect(migrated.endpoints).toEqual([{ ...local, protocol: 'hf' }, expect.objectContaining({ name: 'built-in', protocol: 'transformers.js', enabled: true })]);
    expect(SettingsSchema.parse(migrated).endpoints[1].models).toHaveLength(CURATED_BUILT_IN_MODELS.length);
  });

  it('keeps an existing built-in endpoint, picks a free name, and leaves a file without endpoints to the defaults', () => {
    const own = { name: 'mine', protocol: 'transformers.js', models: [] };
    expect(migrateV2ToV3({ endpoints: [own] }).endpoints).toEqual([own]);
    const taken = migrateV2ToV3({ endpoints: [{ ...local, name: 'built-in' }] }).endpoints as Array<{ name: string }>;
    expect(taken.map((e) => e.name)).toEqual(['built-in', 'built-in-2']);
    expect(migrateV2ToV3({ llm: { model: 'm' } })).toEqual({ llm: { model: 'm' } });
    expect(migrateSettings({ version: 1, local_endpoints: [local] }).data.endpoints).toHaveLength(2);
  });

  it('default settings hold the built-in endpoint; every curated model is of a task the runtime runs', () => {
    const [endpoint] = defaultSettings().endpoints;
    expect(endpoint).toMatchObject({ name: 'built-in', protocol: 'transformers.js', enabled: true });
    expect(endpoint.url).toBeUndefined();
    for (const model of endpoint.models) expect(protocolServes('transformers.js', model.task)).toBe(true);
    expect(Object.keys(TASK_PIPELINES).sort()).toEqual([...BUILT_IN_TASKS].sort());
    expect(protocolServes('transformers.js', 'openpose-control')).toBe(false);
  });
});
