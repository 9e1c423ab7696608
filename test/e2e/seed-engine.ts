// The real engine for browser tests: `hugginggpt serve` with the fake LLM and Hugging Face endpoint on
// loopback, set up for the seed example (ControlNet on a local endpoint, the rest in the "cloud").
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FakeHf } from '../support/fake-hf';
import type { FakeLlm } from '../support/fake-llm';
import { routeLlm } from '../support/routed-llm';
import { cloudChoices, SEED_PLAN } from '../pipeline/seed-example';
import { startSeedFakes } from '../pipeline/seed-fakes';
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
  const fakes = await startSeedFakes({ seedModels: true });
  const { llm, hf } = fakes;
  const cloud = cloudChoices(fakes.settings);
  routeLlm(llm, { plan: () => JSON.stringify(SEED_PLAN), respond: () => response });
  const dataDir = mkdtempSync(join(tmpdir(), 'hgs-e2e-data-'));
  const args = ['--config', fakes.config, '--data-dir', dataDir];
  const engine: SeedEngine = {
    llm, hf, cloud, dataDir,
    server: await startServe(args),
    exampleFile: join(fakes.cwd, 'example.jpg'),
    async restart() {
      engine.server.stop();
      engine.server = await startServe(args);
    },
    async stop() {
      engine.server.stop();
      await fakes.close();
    },
  };
  return engine;
}
