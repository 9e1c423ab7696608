import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src-main/cli/main';
import { loadSettings } from '../../src-main/service/settings/config-file';
import { captureIO } from '../support/cli-io';

describe('hugginggpt command', () => {
  it('lists every subcommand of the design in --help', async () => {
    const cap = captureIO();
    expect(await runCli(['--help'], cap.io)).toBe(0);
    for (const usage of ['hugginggpt plan "<request>" [--json]', 'hugginggpt run "<request>"', 'hugginggpt workflow run <file>', 'hugginggpt models', 'hugginggpt eval <dataset.jsonl>', 'hugginggpt serve [--port N]']) {
      expect(cap.stdout()).toContain(usage);
    }
    expect(cap.stdout()).toContain('--config FILE');
  });

  it('exits 2 with a one-line reason for an unknown command', async () => {
    const cap = captureIO();
    expect(await runCli(['frobnicate'], cap.io)).toBe(2);
    expect(cap.stderr()).toMatch(/^hugginggpt: unknown command "frobnicate" \(try: plan, run, workflow, models, eval, llm, serve\)\n$/);
  });

  it('exits 2 with a one-line reason for a bad flag', async () => {
    const cap = captureIO();
    expect(await runCli(['models', '--bogus'], cap.io)).toBe(2);
    expect(cap.stderr().trim().split('\n')).toHaveLength(1);
    expect(cap.stderr()).toContain("Unknown option '--bogus'");
  });

  it('prints per-command help', async () => {
    const cap = captureIO();
    expect(await runCli(['serve', '--help'], cap.io)).toBe(0);
    expect(cap.stdout()).toContain('usage: hugginggpt serve [--port N]');
  });
});

describe('configuration loading', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hgs-config-'));
  const write = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };

  it('reads a config file and fills secrets from the environment', () => {
    const path = write('ok.json', JSON.stringify({ llm: { model: 'llama3' }, endpoints: [{ name: 'local', url: 'http://127.0.0.1:8005', models: [{ id: 'facebook/detr-resnet-50', task: 'object-detection' }] }] }));
    const s = loadSettings({ configPath: path, dataDir: dir, env: { OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1', HF_TOKEN: 'hf_x' } });
    expect(s.llm).toMatchObject({ model: 'llama3', apiKey: 'sk-test', baseURL: 'http://127.0.0.1:11434/v1' });
    expect(s.huggingface.token).toBe('hf_x');
    expect(s.endpoints[0]).toMatchObject({ name: 'local', enabled: true });
    expect(s.execution).toMatchObject({ mode: 'hybrid', maxParallel: 4, retries: 2 });
  });

  it('keeps values of the file over the environment', () => {
    const path = write('key.json', JSON.stringify({ llm: { apiKey: 'from-file' } }));
    expect(loadSettings({ configPath: path, dataDir: dir, env: { OPENAI_API_KEY: 'from-env' } }).llm.apiKey).toBe('from-file');
  });

  it.each([
    ['broken.json', '{"llm": ', /config file .*broken\.json is not valid JSON/],
    ['array.json', '[]', /config must be a JSON object/],
    ['badurl.json', JSON.stringify({ endpoints: [{ name: 'x', url: 'ftp://nope' }] }), /invalid config: endpoints\.0\.url: Invalid URL/],
    ['badmode.json', JSON.stringify({ execution: { mode: 'cloud' } }), /invalid config: execution\.mode/],
  ])('refuses %s with a clear message', (name, text, message) => {
    const path = write(name, text);
    expect(() => loadSettings({ configPath: path, dataDir: dir, env: {} })).toThrow(message);
  });

  it('a bad config is a usage error: exit 2, one line', async () => {
    const path = write('bad2.json', '{');
    const cap = captureIO();
    expect(await runCli(['serve', '--config', path, '--port', '0'], cap.io)).toBe(2);
    expect(cap.stderr()).toMatch(/^hugginggpt: config file .* is not valid JSON/);
    expect(cap.stderr().trim().split('\n')).toHaveLength(1);
  });

  it('a missing config file is reported by name', () => {
    expect(() => loadSettings({ configPath: join(dir, 'nope.json'), dataDir: dir, env: {} })).toThrow(/cannot read config file .*nope\.json: ENOENT/);
  });
});
