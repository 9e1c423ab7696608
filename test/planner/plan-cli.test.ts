// `hugginggpt plan` through runCli with an in-memory CliIO and the fake LLM server.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src-main/cli/main';
import { captureIO } from '../support/cli-io';
import { startFakeLlm, type FakeLlm } from '../support/fake-llm';

let fake: FakeLlm;
let dir: string;
beforeAll(async () => {
  fake = await startFakeLlm();
  dir = mkdtempSync(join(tmpdir(), 'hgs-plan-cli-'));
});
afterAll(async () => {
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  fake.requests.length = 0;
  fake.fallback(() => 'OK');
});

/** Runs the CLI with captured streams; the LLM is the fake unless `env` says otherwise. */
async function cli(argv: string[], env: NodeJS.ProcessEnv = { OPENAI_BASE_URL: fake.baseURL }) {
  const cap = captureIO({ cwd: dir, env: { HUGGINGGPT_DATA_DIR: join(dir, 'data'), ...env } });
  const code = await runCli(argv, cap.io);
  return { code, out: cap.stdout(), err: cap.stderr() };
}

const CAPTION_SPEAK =
  'Plan: [{"task": "image-to-text", "id": 0, "dep": [-1], "args": {"image": "cat.png"}}, {"task": "tts", "id": 1, "args": {"text": "<GENERATED-0>"}}]';

describe('hugginggpt plan', () => {
  it('prints the plan and usage as one JSON document with --json, progress on stderr', async () => {
    fake.script({ text: CAPTION_SPEAK, promptTokens: 800, completionTokens: 60 });
    const { code, out, err } = await cli(['plan', 'describe cat.png and read it aloud', '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual({
      tasks: [
        { id: 0, task: 'image-to-text', dep: [-1], args: { image: 'cat.png' } },
        { id: 1, task: 'text-to-speech', dep: [0], args: { text: '<resource>-0' } },
      ],
      usage: { llmCalls: 1, promptTokens: 800, completionTokens: 60 },
    });
    expect(err).toContain('planning with');
    expect(err).toContain('+ task 1 text-to-speech');
    expect(fake.requests[0].stream).toBe(true);
  });

  it('prints a readable list without --json', async () => {
    fake.script(CAPTION_SPEAK);
    const { code, out } = await cli(['plan', 'describe cat.png and read it aloud']);
    expect(code).toBe(0);
    expect(out).toMatch(/^2 tasks:\n {3}0 {2}image-to-text {3}after - {2}image="cat.png"\n {3}1 {2}text-to-speech {2}after 0 {2}text="<resource>-0"\nusage: 1 LLM call, \d+ prompt \+ \d+ completion tokens\n$/);
  });

  it('says when a request needs no task', async () => {
    fake.script('[]');
    const { code, out } = await cli(['plan', 'hello!']);
    expect(code).toBe(0);
    expect(out).toContain('No tasks');
  });

  it('exits 1 with a one-line reason naming the task when the plan stays unusable', async () => {
    const bad = '[{"task": "image-to-text", "id": 0, "dep": [-1], "args": {"image": "cat.png"}}, {"task": "paint-a-picture", "id": 1, "dep": [-1], "args": {"text": "x"}}]';
    fake.script(bad, bad);
    const { code, out, err } = await cli(['plan', 'describe cat.png', '--json']);
    expect(code).toBe(1);
    expect(err.split('\n').filter((l) => l.startsWith('hugginggpt:'))).toEqual([expect.stringMatching(/^hugginggpt: unusable plan: task 1 \(paint-a-picture\): unknown task type; did you mean /)]);
    expect(JSON.parse(out).issues).toHaveLength(1);
    expect(err).not.toMatch(/\n\s+at /);
  });

  it('exits 1 when no plan can be read', async () => {
    fake.script('I cannot help', 'Sorry');
    const { code, err } = await cli(['plan', 'do something']);
    expect(code).toBe(1);
    expect(err).toContain('hugginggpt: no usable plan: the answer contains no task list');
  });

  it('exits 1 with the URL when the LLM cannot be reached, without a stack trace', async () => {
    const config = join(dir, 'unreachable.json');
    writeFileSync(config, JSON.stringify({ llm: { baseURL: 'http://127.0.0.1:1/v1', retries: 0, timeoutMs: 2000 } }));
    const { code, err } = await cli(['plan', 'caption cat.png', '--config', config], {});
    expect(code).toBe(1);
    expect(err).toContain('cannot reach the LLM at http://127.0.0.1:1/v1');
    expect(err).not.toMatch(/\n\s+at /);
  });

  it('exits 2 for a missing request or a missing LLM configuration', async () => {
    const missing = await cli(['plan']);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/^hugginggpt: plan needs a request/);
    const unconfigured = await cli(['plan', 'caption cat.png'], {});
    expect(unconfigured.code).toBe(2);
    expect(unconfigured.err).toMatch(/^hugginggpt: no LLM configured/);
    expect(fake.requests).toHaveLength(0);
  });

  it('exits 2 when the LLM refuses the API key', async () => {
    fake.script({ status: 401 });
    const { code, err } = await cli(['plan', 'caption cat.png'], { OPENAI_BASE_URL: fake.baseURL, OPENAI_API_KEY: 'sk-wrong' });
    expect(code).toBe(2);
    expect(err).toContain('refused the API key (HTTP 401)');
  });
});
