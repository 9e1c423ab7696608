// A built-in runtime wired to a fake Hub serving the tiny models, in a fresh data folder.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SettingsSchema, type Settings } from '../../src-shared/settings';
import { createBuiltInRuntime, type BuiltInRuntime } from '../../src-main/platform/endpoints/transformers-js/builtin-runtime';
import { startFakeHubFiles, type FakeHubFiles } from './fake-hub-files';
import { TINY_MODELS } from './tiny-models/tiny-models';

/** The fake Hub's repositories: every tiny model. */
export const tinyRepos = () => Object.fromEntries(Object.entries(TINY_MODELS).map(([id, m]) => [id, m.files()]));

/** Settings with only the built-in endpoint (the tiny models) and the cloud off, files from `hubUrl`. */
export function builtInOnlySettings(hubUrl: string, extra: Record<string, unknown> = {}): Settings {
  return SettingsSchema.parse({
    huggingface: { enabled: false, hubUrl },
    endpoints: [{ name: 'built-in', protocol: 'transformers.js', models: Object.entries(TINY_MODELS).map(([id, m]) => ({ id, task: m.task })) }],
    execution: { mode: 'local', retries: 0 },
    ...extra,
  });
}

/** A running fixture. */
export interface BuiltInFixture {
  hub: FakeHubFiles;
  dataDir: string;
  settings: Settings;
  runtime: BuiltInRuntime;
  close(): Promise<void>;
}

/** Starts the fake Hub and a runtime over a new data folder. */
export async function startBuiltInFixture(options: { memoryBudgetBytes?: number } = {}): Promise<BuiltInFixture> {
  const hub = await startFakeHubFiles(tinyRepos());
  const dataDir = mkdtempSync(join(tmpdir(), 'hgs-builtin-'));
  const fixture: BuiltInFixture = {
    hub,
    dataDir,
    settings: builtInOnlySettings(hub.url),
    runtime: undefined as unknown as BuiltInRuntime,
    async close() {
      await fixture.runtime.close();
      await hub.close();
    },
  };
  fixture.runtime = createBuiltInRuntime({ dataDir, settings: () => fixture.settings, memoryBudgetBytes: options.memoryBudgetBytes });
  return fixture;
}
