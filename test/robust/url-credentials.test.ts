// A password in an endpoint URL is never shown or recorded (issue 20, item 8): not on stdout or stderr, not in
// run.json or events.jsonl, not in the prompt sent to the LLM. Since settings format 5 it leaves the address on load
// and is sent as the endpoint's Authorization header (see test/desktop/endpoint-credentials.test.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redactCredentials } from '../../src-shared/redact-credentials';
import { routeLlm } from '../support/routed-llm';
import { startSeedFakes, type SeedFakes } from '../pipeline/seed-fakes';

const MODEL = 'google/vit-base-patch16-224';
const PASSWORD = 's3cret-pa55';

let fakes: SeedFakes;
beforeAll(async () => {
  fakes = await startSeedFakes({
    local: { [MODEL]: 'image-classification' },
    settings: (s, { hf }) => ({
      ...s,
      endpoints: [{ name: 'private', protocol: 'hf', url: hf.url.replace('http://', `http://admin:${PASSWORD}@`), enabled: true, models: [{ id: MODEL, task: 'image-classification' }] }],
      execution: { ...s.execution, mode: 'local', retries: 1 },
    }),
  });
  routeLlm(fakes.llm, { plan: () => JSON.stringify([{ task: 'image-classification', id: 0, dep: [-1], args: { image: 'example.jpg' } }]), respond: () => 'done' });
});
afterAll(() => fakes.close());

describe('credentials in endpoint URLs', () => {
  it('redacts the user and password of URLs in text', () => {
    expect(redactCredentials(`cannot reach http://admin:${PASSWORD}@10.0.0.5:8005/models/x (ECONNREFUSED)`)).toBe('cannot reach http://***@10.0.0.5:8005/models/x (ECONNREFUSED)');
    expect(redactCredentials('mail me@example.com, see https://example.com/a@b')).toBe('mail me@example.com, see https://example.com/a@b');
  });

  it('never prints, records or prompts the password', async () => {
    const { stdout, stderr, json, dataDir } = await fakes.cli(['run', 'classify example.jpg', '--json']);
    const doc = json();
    expect(doc.results[0].attempts).toBeGreaterThan(0);
    const runDir = join(dataDir, 'runs', doc.runId);
    const record = readFileSync(join(runDir, 'run.json'), 'utf8');
    const events = readFileSync(join(runDir, 'events.jsonl'), 'utf8');
    // The credentials left the address when the settings were read (format 5): the call went to the bare address
    // with them as a Basic Authorization header, and the run succeeded.
    expect(doc.results[0].status).toBe('succeeded');
    expect(fakes.hf.requests.at(-1)!.headers.authorization).toBe(`Basic ${Buffer.from(`admin:${PASSWORD}`).toString('base64')}`);
    expect(record).toContain(fakes.hf.url);
    expect(stderr).toContain('warning: config file config.json: endpoint "private": the user name and password in its address (http://***@127.0.0.1');
    for (const text of [stdout, stderr, record, events, JSON.stringify(fakes.llm.requests)]) expect(text).not.toContain(PASSWORD);
  });
});
