// A password in an endpoint URL is never shown or recorded (issue 20, item 8): not on stdout or stderr, not in
// run.json or events.jsonl, not in the prompt sent to the LLM. Since settings format 5 it leaves the address on load
// and is sent as the endpoint's Authorization header (see test/desktop/endpoint-credentials.test.ts).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src-main/cli/main';
import { redactCredentials } from '../../src-shared/redact-credentials';
import { captureIO } from '../support/cli-io';
import { startFakeHf, type FakeHf } from '../support/fake-hf';
import { startFakeLlm, type FakeLlm } from '../support/fake-llm';
import { routeLlm } from '../support/routed-llm';
import { folderWithExample, seedSettings, startSeedHub } from '../pipeline/seed-example';
import type { FakeHub } from '../support/fake-hub';

const MODEL = 'google/vit-base-patch16-224';
const PASSWORD = 's3cret-pa55';

let llm: FakeLlm;
let hf: FakeHf;
let hub: FakeHub;
let cwd: string;
let config: string;

beforeAll(async () => {
  llm = await startFakeLlm();
  hf = await startFakeHf({ models: { [MODEL]: { task: 'image-classification' } } });
  hub = await startSeedHub();
  cwd = folderWithExample();
  const base = seedSettings(llm.baseURL, hf.url, hub.url);
  const url = hf.url.replace('http://', `http://admin:${PASSWORD}@`);
  const settings = {
    ...base,
    endpoints: [{ name: 'private', protocol: 'hf', url, enabled: true, models: [{ id: MODEL, task: 'image-classification' }] }],
    execution: { ...base.execution, mode: 'local', retries: 1 },
  };
  writeFileSync((config = join(cwd, 'config.json')), JSON.stringify(settings));
  routeLlm(llm, { plan: () => JSON.stringify([{ task: 'image-classification', id: 0, dep: [-1], args: { image: 'example.jpg' } }]), respond: () => 'done' });
});
afterAll(async () => {
  await llm.close();
  await hf.close();
  await hub.close();
});

describe('credentials in endpoint URLs', () => {
  it('redacts the user and password of URLs in text', () => {
    expect(redactCredentials(`cannot reach http://admin:${PASSWORD}@10.0.0.5:8005/models/x (ECONNREFUSED)`)).toBe('cannot reach http://***@10.0.0.5:8005/models/x (ECONNREFUSED)');
    expect(redactCredentials('mail me@example.com, see https://example.com/a@b')).toBe('mail me@example.com, see https://example.com/a@b');
  });

  it('never prints, records or prompts the password', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'hgs-data-'));
    const cap = captureIO({ cwd });
    await runCli(['run', 'classify example.jpg', '--json', '--config', config, '--data-dir', dataDir], cap.io);
    const doc = JSON.parse(cap.stdout());
    expect(doc.results[0].attempts).toBeGreaterThan(0);
    const runDir = join(dataDir, 'runs', doc.runId);
    const record = readFileSync(join(runDir, 'run.json'), 'utf8');
    const events = readFileSync(join(runDir, 'events.jsonl'), 'utf8');
    // The credentials left the address when the settings were read (format 5): the call went to the bare address
    // with them as a Basic Authorization header, and the run succeeded.
    expect(doc.results[0].status).toBe('succeeded');
    expect(hf.requests.at(-1)!.headers.authorization).toBe(`Basic ${Buffer.from(`admin:${PASSWORD}`).toString('base64')}`);
    expect(record).toContain(hf.url);
    expect(cap.stderr()).toContain('warning: config file config.json: endpoint "private": the user name and password in its address (http://***@127.0.0.1');
    for (const text of [cap.stdout(), cap.stderr(), record, events, JSON.stringify(llm.requests)]) expect(text).not.toContain(PASSWORD);
  });
});
