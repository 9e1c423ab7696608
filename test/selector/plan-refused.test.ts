// `hugginggpt plan` refuses up front the task types selection would refuse for want of a provider, from the same
// rule and the same facts: the library's routes and what the last `models --refresh` found on the (fake) Hub.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runHugginggpt, writeConfig } from '../support/cli-run';
import { cloudOnlySettings, startFakeCloud, type FakeCloud } from '../support/fake-cloud';
import { startFakeLlm, type FakeLlm } from '../support/fake-llm';
import { routeLlm } from '../support/routed-llm';

let llm: FakeLlm;
let cloud: FakeCloud;
let dir: string;
let config: string;

beforeAll(async () => {
  llm = await startFakeLlm();
  // Providers serve detection only: image-to-image has no model with a provider on this Hub.
  cloud = await startFakeCloud([{ id: 'hustvl/yolos-tiny', task: 'object-detection' }]);
  dir = mkdtempSync(join(tmpdir(), 'hgs-plan-refused-'));
  config = writeConfig(dir, cloudOnlySettings(llm.baseURL, cloud));
  routeLlm(llm, { plan: () => JSON.stringify([{ task: 'image-to-image', id: 0, dep: [-1], args: { image: 'a.png', text: 'as a watercolour' } }]) });
});
afterAll(async () => {
  await llm.close();
  await cloud.close();
  rmSync(dir, { recursive: true, force: true });
});

async function cli(dataDir: string, ...args: string[]) {
  const { code, stdout, stderr } = await runHugginggpt(args, { cwd: dir, config, dataDir });
  return { code, out: stdout, err: stderr };
}

it('refuses image-to-image once the last catalog refresh found no provider for it, as selection and the palette do', async () => {
  const dataDir = mkdtempSync(join(dir, 'data-'));
  // Before any refresh, the library can call providers for image-to-image: nothing to refuse up front.
  expect((await cli(dataDir, 'plan', 'make a.png a watercolour', '--json')).code).toBe(0);

  expect((await cli(dataDir, 'models', '--refresh')).code).toBe(0);
  const after = await cli(dataDir, 'plan', 'make a.png a watercolour', '--json');
  expect(after.code).toBe(1);
  expect(JSON.parse(after.out).issues).toEqual([
    { taskId: 0, message: 'No model can run "image-to-image": no Inference Provider serves "image-to-image" today. To run it, add a local server for "image-to-image" to settings.endpoints, or plan a different task.' },
  ]);
});
