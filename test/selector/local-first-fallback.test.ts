// Hybrid runs a local choice locally first, and the cloud is its fallback: when the chosen local model fails and fallbackToCloud
// is on, the call goes to Hugging Face, and when that model has no provider there (a local-only repo, the
// built-in runtime's ONNX conversions), the cloud candidates selection checked take over, as they do for a
// cloud choice. Through `hugginggpt run` against the fake LLM, Hub and router.
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runHugginggpt, writeConfig } from '../support/cli-run';
import { cloudOnlySettings, startFakeCloud, type FakeCloud } from '../support/fake-cloud';
import { startFakeLlm, type FakeLlm } from '../support/fake-llm';
import { routeLlm } from '../support/routed-llm';
import { folderWithExample } from '../pipeline/seed-example';

let llm: FakeLlm;
let cloud: FakeCloud;
let cwd: string;

beforeAll(async () => {
  llm = await startFakeLlm();
  cloud = await startFakeCloud([{ id: 'hustvl/yolos-tiny', task: 'object-detection' }]);
  cwd = folderWithExample();
  routeLlm(llm, {
    plan: () => JSON.stringify([{ task: 'object-detection', id: 0, dep: [-1], args: { image: 'example.jpg' } }]),
    // The LLM picks the local model (the prompt says it runs on the user's endpoint).
    select: () => JSON.stringify({ choices: [{ task: 0, id: 'my-org/local-detector', reason: 'runs locally' }] }),
    respond: () => 'Found the objects.',
  });
});
afterAll(async () => {
  await llm.close();
  await cloud.close();
  rmSync(cwd, { recursive: true, force: true });
});

async function run(fallbackToCloud: boolean) {
  const settings = cloudOnlySettings(llm.baseURL, cloud);
  const config = writeConfig(cwd, {
    ...settings,
    // A local server that is down (nothing listens on port 9), declaring a model the Hub has no provider for.
    endpoints: [
      { name: 'vision', protocol: 'hf', url: 'http://127.0.0.1:9', enabled: true, models: [{ id: 'my-org/local-detector', task: 'object-detection' }] },
      ...settings.endpoints,
    ],
    execution: { ...settings.execution, mode: 'hybrid', fallbackToCloud, retries: 0 },
  });
  const { code, json } = await runHugginggpt(['run', 'what is in example.jpg?', '--json'], { cwd, config, dataDir: mkdtempSync(join(cwd, 'data-')) });
  return { code, doc: json() };
}

it('runs the local choice first, then the cloud, then the next checked cloud candidate', async () => {
  const { code, doc } = await run(true);
  expect(doc.selections[0]).toMatchObject({ model: 'my-org/local-detector', endpoint: 'vision' });
  expect(code).toBe(0);
  expect(doc.results[0]).toMatchObject({ status: 'succeeded', model: 'hustvl/yolos-tiny', endpoint: 'huggingface', attempts: 3 });
  expect(cloud.router.requests.map((r) => `${r.provider} ${r.model}`)).toEqual(['hf-inference hustvl/yolos-tiny']);
});

it('stays on the local endpoint when fallbackToCloud is off', async () => {
  const before = cloud.router.requests.length;
  const { code, doc } = await run(false);
  expect(code).toBe(1);
  expect(doc.results[0]).toMatchObject({ status: 'failed', endpoint: 'vision' });
  expect(cloud.router.requests.length).toBe(before);
});
