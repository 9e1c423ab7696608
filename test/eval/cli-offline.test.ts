// `hugginggpt eval --predictions`: recorded outputs scored offline through the app's own plan parser.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src-main/cli/main';
import { parseDataset } from '../../src-main/engine/eval/dataset';
import { expectMetrics, HAND_DATASET, HAND_EXPECTED, HAND_PREDICTIONS, toJsonLines } from './fixtures';
import { captureIO } from '../support/cli-io';

const dir = mkdtempSync(join(tmpdir(), 'hgs-eval-offline-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(join(dir, 'hand.jsonl'), toJsonLines(HAND_DATASET));
writeFileSync(join(dir, 'hand-predictions.jsonl'), toJsonLines(HAND_PREDICTIONS));

const run = async (...argv: string[]) => {
  const m = captureIO({ cwd: dir });
  const code = await runCli(['eval', ...argv, '--data-dir', join(dir, 'data')], m.io);
  return { code, stdout: m.stdout(), stderr: m.stderr() };
};

describe('hugginggpt eval --predictions', () => {
  it('prints the hand-computed metrics as one JSON document and needs no LLM configuration', async () => {
    const { code, stdout, stderr } = await run('hand.jsonl', '--predictions', 'hand-predictions.jsonl', '--json', '--config', 'no-such-config.json');
    expect(code, stderr).toBe(0);
    const doc = JSON.parse(stdout);
    expect(Object.keys(doc)).toEqual(['count', 'parseRate', 'accuracy', 'precision', 'recall', 'f1', 'edgeF1', 'editDistance', 'argNameF1', 'argValueF1', 'llm', 'byType', 'scoring']);
    const { byType, ...overall } = HAND_EXPECTED;
    expectMetrics(doc, overall);
    for (const type of ['single', 'sequential', 'graph'] as const) expectMetrics(doc.byType[type], byType[type]);
    expect(doc.llm).toBeNull();
    expect(stderr).toMatch(/^all\s+4\s+0\.750\s+0\.500/m);
  });

  it('writes the report next to the predictions, or where --report says', async () => {
    await run('hand.jsonl', '--predictions', 'hand-predictions.jsonl');
    const report = readFileSync(join(dir, 'hand-predictions.report.md'), 'utf8');
    expect(report).toContain('- extra tasks: `text-classification`');
    expect(report).toContain('### C (graph)');
    const { code, stdout, stderr } = await run('hand.jsonl', '--predictions', 'hand-predictions.jsonl', '--report', 'out/r.md');
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect(existsSync(join(dir, 'out', 'r.md'))).toBe(true);
    expect(stderr).toContain(join(dir, 'out', 'r.md'));
  });

  it('scores the bundled set perfectly when the outputs are its own annotations', async () => {
    const bundled = join(process.cwd(), 'resources', 'eval', 'planning-eval.jsonl');
    const items = parseDataset(readFileSync(bundled, 'utf8'));
    writeFileSync(join(dir, 'perfect.jsonl'), toJsonLines(items.map((i) => ({ id: i.id, output: JSON.stringify(i.tasks) }))));
    const { code, stdout } = await run(bundled, '--predictions', 'perfect.jsonl', '--json');
    expect(code).toBe(0);
    const doc = JSON.parse(stdout);
    expect(doc.count).toBe(items.length);
    expectMetrics(doc, { parseRate: 1, accuracy: 1, precision: 1, recall: 1, f1: 1, edgeF1: 1, editDistance: 0, argNameF1: 1, argValueF1: 1 });
  });

  it('counts requests without a prediction as unusable and says so', async () => {
    writeFileSync(join(dir, 'partial.jsonl'), toJsonLines([HAND_PREDICTIONS[0], { id: 'Z', output: '[]' }]));
    const { code, stdout, stderr } = await run('hand.jsonl', '--predictions', 'partial.jsonl', '--json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout).parseRate).toBe(0.25);
    expect(stderr).toContain('3 request(s) have no prediction and count as unusable: B, C, D');
    expect(stderr).toContain('ignoring 1 prediction(s) for ids not in the dataset: Z');
  });

  it('scores the bundled set by TaskBench\'s definitions with --scoring taskbench, names canonicalised on request', async () => {
    const bundled = join(process.cwd(), 'resources', 'eval', 'planning-eval.jsonl');
    const items = parseDataset(readFileSync(bundled, 'utf8'));
    // the annotations with names as an LLM writes them: "Image-to-Text" style
    const written = items.map((i) => ({ id: i.id, output: JSON.stringify(i.tasks.map((t) => ({ ...t, task: t.task.replace(/(^|-)\w/g, (c) => c.toUpperCase()) }))) }));
    writeFileSync(join(dir, 'titled.jsonl'), toJsonLines(written));
    const asWritten = await run(bundled, '--predictions', 'titled.jsonl', '--json', '--scoring', 'taskbench');
    expect(asWritten.code).toBe(0);
    expect(asWritten.stderr).toContain('eval: taskbench scoring, task names as written');
    expect(JSON.parse(asWritten.stdout)).toMatchObject({ scoring: 'taskbench', f1: 0 });
    const canonical = await run(bundled, '--predictions', 'titled.jsonl', '--json', '--scoring', 'taskbench', '--canonical-names');
    expectMetrics(JSON.parse(canonical.stdout), { parseRate: 1, precision: 1, recall: 1, f1: 1, edgeF1: 1, editDistance: 0, argNameF1: 1, argValueF1: 1 });
    expect((await run(bundled, '--predictions', 'titled.jsonl', '--scoring', 'bleu')).stderr).toContain('--scoring must be "paper" or "taskbench"');
  });

  it('refuses bad usage with exit 2 and a one-line reason', async () => {
    expect((await run()).code).toBe(2);
    const missing = await run('nope.jsonl', '--predictions', 'hand-predictions.jsonl');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(`hugginggpt: cannot read dataset ${join(dir, 'nope.jsonl')}: ENOENT\n`);
    writeFileSync(join(dir, 'bad.jsonl'), toJsonLines([HAND_DATASET[0], { id: 'x', type: 'single', request: 'r' }]));
    const bad = await run('bad.jsonl', '--predictions', 'hand-predictions.jsonl');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/dataset line 2: tasks/);
    expect((await run('hand.jsonl', '--concurrency', '0')).code).toBe(2);
    expect((await run('hand.jsonl', '--concurrency', 'many')).stderr).toContain('--concurrency must be a whole number');
  });
});
