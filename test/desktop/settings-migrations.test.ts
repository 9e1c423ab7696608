import { describe, expect, it } from 'vitest';
import { SettingsSchema } from '../../src-shared/settings';
import { migrateSettings, migrateV1ToV2, SETTINGS_MIGRATIONS, SETTINGS_VERSION } from '../../src-main/service/settings/settings-migrations';

const v1File = {
  version: 1,
  openai: { api_base: 'http://127.0.0.1:11434/v1', model: 'llama3.1' },
  huggingface: { enabled: true, inference_mode: 'local' },
  local_endpoints: [{ name: 'vision', url: 'http://127.0.0.1:8005', models: [{ id: 'facebook/detr-resnet-50', task: 'object-detection' }] }],
  execution: { maxParallel: 3 },
};

describe('settings migrations', () => {
  it('are numbered one step at a time up to the current version', () => {
    expect(SETTINGS_MIGRATIONS.map((m) => [m.from, m.to])).toEqual(
      Array.from({ length: SETTINGS_VERSION - 1 }, (_, i) => [i + 1, i + 2]),
    );
  });

  it('v1 -> v2 renames openai, local_endpoints and huggingface.inference_mode', () => {
    const { version: _v, ...body } = v1File;
    expect(migrateV1ToV2(body)).toEqual({
      llm: { baseURL: 'http://127.0.0.1:11434/v1', model: 'llama3.1' },
      huggingface: { enabled: true },
      endpoints: v1File.local_endpoints,
      execution: { mode: 'local', maxParallel: 3 },
    });
  });

  it('v1 -> v2 carries an api_key over as llm.apiKey and lets an existing llm section win', () => {
    expect(migrateV1ToV2({ openai: { api_key: 'sk-1', model: 'a' }, llm: { model: 'b' } })).toEqual({ llm: { apiKey: 'sk-1', model: 'b' } });
  });

  it('v1 -> v2 leaves a file already in the current shape as it is', () => {
    const current = { llm: { model: 'x' }, endpoints: [], execution: { mode: 'hybrid' } };
    expect(migrateV1ToV2(current)).toEqual(current);
  });

  it('a v1 file becomes valid current settings', () => {
    const { data, fromVersion } = migrateSettings(v1File);
    expect(fromVersion).toBe(1);
    const settings = SettingsSchema.parse(data);
    expect(settings.llm.baseURL).toBe('http://127.0.0.1:11434/v1');
    expect(settings.execution.mode).toBe('local');
    expect(settings.endpoints[0].models[0].id).toBe('facebook/detr-resnet-50');
  });

  it('treats a file without version as version 1 and a current file as needing nothing', () => {
    expect(migrateSettings({ openai: { model: 'm' } })).toEqual({ data: { llm: { model: 'm' } }, fromVersion: 1, notes: [] });
    expect(migrateSettings({ version: SETTINGS_VERSION, llm: { model: 'm' } })).toEqual({ data: { llm: { model: 'm' } }, fromVersion: SETTINGS_VERSION, notes: [] });
  });

  it('refuses non-objects, bad versions, newer versions and gaps in the chain', () => {
    expect(() => migrateSettings([1])).toThrow(/JSON object/);
    expect(() => migrateSettings({ version: 'two' })).toThrow(/invalid version/);
    expect(() => migrateSettings({ version: 0 })).toThrow(/invalid version/);
    expect(() => migrateSettings({ version: SETTINGS_VERSION + 1 })).toThrow(expect.objectContaining({ kind: 'newer-settings' }));
    expect(() => migrateSettings({ version: 1 }, [], 3)).toThrow(/no migration from settings format 1/);
  });

  it('runs every step in order', () => {
    const steps = [
      { from: 1, to: 2, description: '', migrate: (r: Record<string, unknown>) => ({ ...r, trail: ['1>2'] }) },
      { from: 2, to: 3, description: '', migrate: (r: Record<string, unknown>) => ({ ...r, trail: [...((r.trail as string[]) ?? []), '2>3'] }) },
    ];
    expect(migrateSettings({ version: 1 }, steps, 3).data).toEqual({ trail: ['1>2', '2>3'] });
    expect(migrateSettings({ version: 2 }, steps, 3).data).toEqual({ trail: ['2>3'] });
  });
});
