// `hugginggpt eval` in LLM mode: the real planner and OpenAI client against the loopback fake LLM server.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src-main/cli/main';
import { startFakeLlm } from '../support/fake-llm';
import { expectMetrics, HAND_DATASET, HAND_EXPECTED, HAND_PREDICTIONS, toJsonLines } from './fixtures';
import { captureIO } from '../support/cli-io';

let fake: Awaited<ReturnType<typeof startFakeLlm>>;
const dir = mkdtempSync(join(tmpdir(), 'hgs-eval-llm-'));

/** The text of every message the LLM was sent. */
const promptOf = (body: any): string => body.messages.map((m: any) => (typeof m.content === 'string' ? m.content : JSON.stringify(m.content))).join('\n');

/** Answers each planning request with the recorded output of the hand-worked example whose request it carries. */
function answerFromFixtures(body: any) {
  // The latest user turn that carries a fixture's request (a repair round adds a user turn after it).
  const userTexts: string[] = body.messages.filter((m: any) => m.role === 'user').map((m: any) => String(m.content)).reverse();
  const carrying = userTexts.find((text) => HAND_DATASET.some((i) => text.includes(i.request))) ?? '';
  const item = HAND_DATASET.find((i) => carrying.includes(i.request));
  const output = HAND_PREDICTIONS.find((p) => p.id === item?.id)?.output;
  if (!output) throw new Error(`fake LLM: no fixture for prompt ${promptOf(body).slice(-200)}`);
  return { text: output, promptTokens: 100, completionTokens: 20 };
}

/** An eval document without its LLM cost (which only LLM mode measures). */
const withoutLlm = (doc: any) => JSON.parse(JSON.stringify(doc, (key, value) => (key === 'llm' ? undefined : value)));

function writeConfig(name: string): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify({ llm: { baseURL: fake.baseURL, apiKey: 'test-key', model: 'fake-planner', retries: 0, structuredOutput: false } }));
  return path;
}

beforeAll(async () => {
  fake = await startFakeLlm();
  writeFileSync(join(dir, 'hand.jsonl'), toJsonLines(HAND_DATASET));
});
afterAll(async () => {
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('hugginggpt eval (LLM mode)', () => {
  it('plans every request, saves the raw outputs, and scores them like the recorded run', async () => {
    fake.fallback(answerFromFixtures);
    const config = writeConfig('llm.json');
    const dataDir = join(dir, 'data');
    const m = captureIO({ cwd: dir });
    const before = fake.requests.length;
    const code = await runCli(['eval', 'hand.jsonl', '--json', '--concurrency', '2', '--config', config, '--data-dir', dataDir], m.io);
    expect(code, m.stderr()).toBe(0);
    const calls = fake.requests.length - before;
    expect(calls).toBeGreaterThanOrEqual(4);

    const doc = JSON.parse(m.stdout());
    const { byType, ...overall } = HAND_EXPECTED;
    expectMetrics(doc, overall);
    for (const type of ['single', 'sequential', 'graph'] as const) expectMetrics(doc.byType[type], byType[type]);
    expect(doc.llm).toMatchObject({ meanCalls: calls / 4, meanPromptTokens: (100 * calls) / 4, meanCompletionTokens: (20 * calls) / 4, failures: 0 });
    expect(doc.llm.meanLatencyMs).toEqual(expect.any(Number));
    expect(doc.llm.meanLatencyMs).toBeLessThan(20_000); // each call is answered at once by the fake
    expect(fake.requests.slice(before).every((r: any) => r.model === 'fake-planner')).toBe(true);

    const [runFolder] = readdirSync(join(dataDir, 'eval'));
    const predictionsPath = join(dataDir, 'eval', runFolder, 'predictions.jsonl');
    expect(m.stderr()).toContain(predictionsPath);
    expect(m.stderr()).toMatch(/^\[4\/4\] [ABCD] /m);
    expect(m.stderr()).toMatch(/^\[\d\/4\] B planned 3 tasks \(\d+\.\d s\)$/m);
    expect(m.stderr()).toMatch(/^\[\d\/4\] C no usable plan \(/m);
    const saved = readFileSync(predictionsPath, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(saved.map((p) => p.id).sort()).toEqual(['A', 'B', 'C', 'D']);
    expect(saved.find((p) => p.id === 'C').output).toBe(HAND_PREDICTIONS[2].output);
    expect(readFileSync(join(dataDir, 'eval', runFolder, 'report.md'), 'utf8')).toContain('LLM per request:');

    const rescored = captureIO({ cwd: dir });
    expect(await runCli(['eval', 'hand.jsonl', '--predictions', predictionsPath, '--json'], rescored.io)).toBe(0);
    const again = JSON.parse(rescored.stdout());
    expect(withoutLlm(again)).toEqual(withoutLlm(doc));
    expect(again.llm).toBeNull();
    expect(again.byType.graph.llm).toBeNull();
  });

  it('exits 1 when every LLM call fails, recording each failure', async () => {
    fake.fallback(() => ({ status: 401, text: 'invalid api key' }));
    const dataDir = join(dir, 'data-failing');
    const m = captureIO({ cwd: dir });
    const code = await runCli(['eval', 'hand.jsonl', '--json', '--config', writeConfig('failing.json'), '--data-dir', dataDir], m.io);
    expect(code).toBe(1);
    const doc = JSON.parse(m.stdout());
    expect(doc.parseRate).toBe(0);
    expect(doc.llm.failures).toBe(4);
    expect(m.stderr()).toContain('every LLM call failed');
    const [runFolder] = readdirSync(join(dataDir, 'eval'));
    const saved = readFileSync(join(dataDir, 'eval', runFolder, 'predictions.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(saved).toHaveLength(4);
    expect(saved.every((p) => p.output === null && p.error.startsWith('LLM call failed'))).toBe(true);
  });

  it('keeps an answer cut off at the token limit and scores it as unusable', async () => {
    fake.fallback(() => ({ text: '[{"task": "object-detection", "id": 0, "dep": [-1], "args": {"image": "a.j', finishReason: 'length' }));
    writeFileSync(join(dir, 'one.jsonl'), toJsonLines(HAND_DATASET.slice(0, 1)));
    const dataDir = join(dir, 'data-cut');
    const m = captureIO({ cwd: dir });
    const code = await runCli(['eval', 'one.jsonl', '--json', '--config', writeConfig('cut.json'), '--data-dir', dataDir], m.io);
    expect(code, m.stderr()).toBe(0);
    expect(JSON.parse(m.stdout())).toMatchObject({ count: 1, parseRate: 0, recall: 0, llm: { meanCalls: 1, failures: 0 } });
    const [runFolder] = readdirSync(join(dataDir, 'eval'));
    const [saved] = readFileSync(join(dataDir, 'eval', runFolder, 'predictions.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(saved).toMatchObject({ id: 'A', finishReason: 'length', output: expect.stringContaining('object-detection') });
    expect(readFileSync(join(dataDir, 'eval', runFolder, 'report.md'), 'utf8')).toContain('unusable output: the answer was cut off at the token limit');
  });

  it('refuses to start without an LLM configuration (exit 2), pointing at --predictions', async () => {
    const m = captureIO({ cwd: dir });
    const code = await runCli(['eval', 'hand.jsonl', '--data-dir', join(dir, 'data-none')], m.io);
    expect(code).toBe(2);
    expect(m.stderr()).toMatch(/^hugginggpt: no LLM configured: .*--predictions\n$/);
  });
});
