// The real engine for browser tests: `hugginggpt serve` with the fake LLM and Hugging Face endpoint on
// loopback, set up for the seed example (ControlNet on a local endpoint, the rest in the "cloud").
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeHf, type FakeHf } from '../support/fake-hf';
import { startFakeLlm, type FakeLlm } from '../support/fake-llm';
import { routeLlm } from '../support/routed-llm';
import { cloudChoices, folderWithExample, POSE_MODEL, POSE_TO_IMAGE_MODEL, SEED_PLAN, seedSettings } from '../pipeline/seed-example';
import { startServe, type ServeProcess } from './serve-process';

/** A running seed engine and its fakes. */
export interface SeedEngine {
  llm: FakeLlm;
  hf: FakeHf;
  server: ServeProcess;
  /** example.jpg, to attach in the page. */
  exampleFile: string;
  /** The model the selection call picks for each cloud task. */
  cloud: ReturnType<typeof cloudChoices>;
  /** The data folder `serve` uses (session.json, runs/, ...). */
  dataDir: string;
  /** Stops `serve` and starts it again on the same data folder (an app restart); `server` is the new one. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** Starts the fakes and `serve`; the fake LLM plans the seed example and answers the response stage with `response`. */
export async function startSeedEngine(response: string): Promise<SeedEngine> {
  const llm = await startFakeLlm();
  const hf = await startFakeHf();
  const settings = seedSettings(llm.baseURL, hf.url);
  hf.addModel(POSE_MODEL, { task: 'openpose-control' });
  hf.addModel(POSE_TO_IMAGE_MODEL, { task: 'openpose-text-to-image' });
  const cloud = cloudChoices(settings);
  for (const [task, model] of Object.entries(cloud)) hf.addModel(model, { task });
  routeLlm(llm, { plan: () => JSON.stringify(SEED_PLAN), respond: () => response });
  const folder = folderWithExample();
  const config = join(folder, 'config.json');
  writeFileSync(config, JSON.stringify(settings));
  const dataDir = mkdtempSync(join(tmpdir(), 'hgs-e2e-data-'));
  const args = ['--config', config, '--data-dir', dataDir];
  const engine: SeedEngine = {
    llm, hf, cloud, dataDir,
    server: await startServe(args),
    exampleFile: join(folder, 'example.jpg'),
    async restart() {
      engine.server.stop();
      engine.server = await startServe(args);
    },
    async stop() {
      engine.server.stop();
      await llm.close();
      await hf.close();
    },
  };
  return engine;
}
