// The CLI's error paths (issue 20, items 1 and 7): SIGINT/SIGTERM stop a run and still print what ran;
// a response stage that fails after every node ran still prints the results (exit 1).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stopOnSignals } from '../../src-main/cli/main';
import { routeLlm } from '../support/routed-llm';
import { startSeedFakes, type SeedFakes } from '../pipeline/seed-fakes';

const CLASSIFIER = 'google/vit-base-patch16-224';
const CAPTIONER = 'Salesforce/blip-image-captioning-large';
const PLAN = [
  { task: 'image-classification', id: 0, dep: [-1], args: { image: 'example.jpg' } },
  { task: 'image-to-text', id: 1, dep: [-1], args: { image: 'example.jpg' } },
];

let fakes: SeedFakes;
beforeAll(async () => {
  fakes = await startSeedFakes({
    cloud: { [CLASSIFIER]: 'image-classification', [CAPTIONER]: 'image-to-text' },
    settings: (s) => ({ ...s, endpoints: [], execution: { ...s.execution, retries: 0 } }),
  });
});
afterAll(() => fakes.close());

const route = (respond: () => any) =>
  routeLlm(fakes.llm, {
    plan: () => JSON.stringify(PLAN),
    select: () => JSON.stringify({ choices: [{ task: 0, id: CLASSIFIER, reason: 'fits' }, { task: 1, id: CAPTIONER, reason: 'fits' }] }),
    respond,
  });

const runJson = (signal?: AbortSignal, dataDir?: string) => fakes.cli(['run', 'classify and caption example.jpg', '--json'], { signal, dataDir });

describe('run --json when the response stage fails', () => {
  it('still prints every node result, with the response error, and exits 1', async () => {
    route(() => ({ status: 500, errorBody: { error: { message: 'the server melted', type: 'server_error' } } }));
    const { code, stdout, stderr } = await runJson();
    expect(code).toBe(1);
    const doc = JSON.parse(stdout);
    expect(doc.results[0].status).toBe('succeeded');
    expect(doc.results[1].status).toBe('succeeded');
    expect(doc.response).toBeNull();
    expect(doc.responseError).toMatch(/the response could not be written/);
    expect(stderr).toMatch(/the response could not be written/);
  });
});

describe('a run record that cannot be written', () => {
  it('is reported on stderr and in the JSON, the results still printed', async () => {
    route(() => 'done');
    const dataDir = mkdtempSync(join(tmpdir(), 'hgs-data-'));
    writeFileSync(join(dataDir, 'runs'), 'a file where the runs folder should be');
    const { code, stderr, json } = await runJson(undefined, dataDir);
    expect(code).toBe(0);
    expect(stderr).toMatch(/warning: the run record could not be written/);
    const doc = json();
    expect(doc.recordError).toMatch(/the run record could not be written/);
    expect(doc.results[0].status).toBe('succeeded');
  });
});

describe('stopping the CLI', () => {
  it('cancels running nodes when the stop signal fires and prints the partial results (exit 130)', async () => {
    route(() => 'never asked');
    fakes.hf.script(CAPTIONER, { hang: true });
    const controller = new AbortController();
    fakes.hf.requests.length = 0;
    const running = runJson(controller.signal);
    while (fakes.hf.requests.filter((r) => r.model === CAPTIONER).length === 0) await new Promise((r) => setTimeout(r, 20));
    controller.abort(new Error('stopped by SIGINT'));
    const { code, stdout } = await running;
    expect(code).toBe(130);
    const doc = JSON.parse(stdout);
    expect(doc.results[1].status).toBe('cancelled');
    expect(doc.response).toBeNull();
    expect(doc.responseError).toMatch(/stopped/);
  });

  it('turns the first SIGINT/SIGTERM into a stop request and the second into an exit', () => {
    const exits: number[] = [];
    const stop = stopOnSignals((code) => exits.push(code), () => undefined);
    try {
      process.emit('SIGTERM', 'SIGTERM');
      expect(stop.signal.aborted).toBe(true);
      expect(exits).toEqual([]);
      process.emit('SIGTERM', 'SIGTERM');
      expect(exits).toEqual([143]);
    } finally {
      stop.dispose();
    }
    expect(process.listenerCount('SIGTERM')).toBe(0);
  });
});
