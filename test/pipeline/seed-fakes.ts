// The fakes the seed's CLI and engine tests run against, started together: the fake LLM, the fake Hugging Face
// endpoint (also the router), the fake Hub, a folder with example.jpg, and a config file of the seed's settings
// pointing at them. `cli` runs `hugginggpt` in that folder with that config.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Settings } from '../../src-shared/settings';
import { runHugginggpt, writeConfig, type CliRun } from '../support/cli-run';
import { startFakeHf, type FakeHf } from '../support/fake-hf';
import type { FakeHub } from '../support/fake-hub';
import { startFakeLlm, type FakeLlm } from '../support/fake-llm';
import { addCloudModel, behaviourOf, folderWithExample, POSE_MODEL, POSE_TO_IMAGE_MODEL, seedCloudModels, seedSettings, startSeedHub, type ServedModel } from './seed-example';

/** What to serve and which settings to write. */
export interface SeedFakesOptions {
  /** Cloud models: the router answers them and the Hub maps them live on hf-inference. */
  cloud?: Record<string, ServedModel>;
  /** Models the fake endpoint answers that the Hub does not map (a local endpoint's). */
  local?: Record<string, ServedModel>;
  /** The seed example's models: its ControlNet pair on the local endpoint, the catalog's two best of each cloud task. */
  seedModels?: boolean;
  /** The settings to write, made from the seed's settings for these fakes (default: those). */
  settings?: (seed: Settings, fakes: { llm: FakeLlm; hf: FakeHf; hub: FakeHub }) => Settings;
}

/** The running fakes, the folder and the config. */
export interface SeedFakes {
  llm: FakeLlm;
  hf: FakeHf;
  hub: FakeHub;
  /** The folder with example.jpg, where `cli` runs. */
  cwd: string;
  /** The settings in `config`. */
  settings: Settings;
  config: string;
  /** Runs `hugginggpt <args>`; `settings` replaces the config for this run only. */
  cli(args: string[], options?: { dataDir?: string; signal?: AbortSignal; settings?: Settings }): Promise<CliRun>;
  close(): Promise<void>;
}

/**
 * Starts the fakes on 127.0.0.1 and writes the config.
 * @example const fakes = await startSeedFakes({ cloud: { 'google/vit-base-patch16-224': 'image-classification' }, settings: (s) => ({ ...s, endpoints: [] }) });
 */
export async function startSeedFakes(options: SeedFakesOptions = {}): Promise<SeedFakes> {
  const llm = await startFakeLlm();
  const hf = await startFakeHf();
  const hub = await startSeedHub();
  const seed = seedSettings(llm.baseURL, hf.url, hub.url);
  const local = { ...(options.seedModels ? { [POSE_MODEL]: 'openpose-control', [POSE_TO_IMAGE_MODEL]: 'openpose-text-to-image' } : {}), ...options.local };
  const cloud = { ...(options.seedModels ? Object.fromEntries(seedCloudModels(seed).map((m) => [m.id, m.task])) : {}), ...options.cloud };
  for (const [id, served] of Object.entries(local)) hf.addModel(id, behaviourOf(served));
  for (const [id, served] of Object.entries(cloud)) addCloudModel(hf, hub, id, served);
  const settings = options.settings?.(seed, { llm, hf, hub }) ?? seed;
  const cwd = folderWithExample();
  const config = writeConfig(cwd, settings);
  return {
    llm,
    hf,
    hub,
    cwd,
    settings,
    config,
    cli: (args, o = {}) =>
      runHugginggpt(args, { cwd, config: o.settings ? writeConfig(mkdtempSync(join(tmpdir(), 'hgs-cfg-')), o.settings) : config, dataDir: o.dataDir, signal: o.signal }),
    close: async () => {
      await llm.close();
      await hf.close();
      await hub.close();
    },
  };
}
