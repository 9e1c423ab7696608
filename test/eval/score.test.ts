// Scoring recorded outputs: the hand-worked dataset gives the hand-computed metrics, overall and per type.
import { describe, expect, it } from 'vitest';
import { parseDataset, parsePredictions, EvalInputError } from '../../src-main/engine/eval/dataset';
import { formatMarkdownReport, formatMetricsTable } from '../../src-main/engine/eval/report';
import { scoreRequests, summarize } from '../../src-main/engine/eval/score';
import { expectMetrics, HAND_DATASET, HAND_EXPECTED, HAND_PREDICTIONS, toJsonLines } from './fixtures';
import { strictTestParse } from './support/test-parse';

describe('scoring recorded outputs', () => {
  const scored = scoreRequests(HAND_DATASET, HAND_PREDICTIONS, strictTestParse);
  const summary = summarize(scored, false);

  it('gives the hand-computed metrics overall', () => {
    const { byType: _byType, ...overall } = HAND_EXPECTED;
    expectMetrics(summary, overall);
    expect(summary.llm).toBeNull();
  });

  it.each(['single', 'sequential', 'graph'] as const)('gives the hand-computed metrics for %s requests', (type) => {
    expectMetrics(summary.byType[type], HAND_EXPECTED.byType[type]);
  });

  it('scores an unusable output as an empty plan and says why', () => {
    const c = scored.find((r) => r.item.id === 'C')!;
    expect(c.parsed).toBe(false);
    expect(c.predicted).toEqual([]);
    expect(c.problem).toMatch(/JSON/);
    expect(c.comparison.missingTasks).toEqual(['automatic-speech-recognition', 'automatic-speech-recognition', 'sentence-similarity']);
  });

  it('treats a request without a prediction as unusable', () => {
    const [only] = scoreRequests(HAND_DATASET.slice(0, 1), [], strictTestParse);
    expect(only.parsed).toBe(false);
    expect(only.problem).toBe('no prediction for this request');
  });

  it('treats an answer cut off at the token limit as unusable, as the app does', () => {
    const complete = HAND_PREDICTIONS[0];
    const [cut] = scoreRequests(HAND_DATASET.slice(0, 1), [{ ...complete, finishReason: 'length' }], strictTestParse);
    expect(cut.parsed).toBe(false);
    expect(cut.problem).toBe('the answer was cut off at the token limit');
    expect(cut.comparison.names.predicted).toBe(0);
  });

  it('leaves an empty type out with null metrics', () => {
    const single = summarize(scored.filter((r) => r.item.type === 'single'), false);
    expect(single.byType.graph.count).toBe(0);
    expect(single.byType.graph.f1).toBeNull();
  });

  it('averages LLM cost over requests and counts failed calls', () => {
    const llm = (calls: number, promptTokens: number, completionTokens: number, latencyMs: number) => ({ calls, promptTokens, completionTokens, latencyMs });
    const recorded = [
      { ...HAND_PREDICTIONS[0], llm: llm(1, 100, 20, 300) },
      { ...HAND_PREDICTIONS[1], llm: llm(2, 300, 40, 500) },
      { id: 'C', output: null, error: 'LLM call failed: 500', llm: llm(0, 0, 0, 100) },
      { ...HAND_PREDICTIONS[3], llm: llm(1, 200, 0, 300) },
    ];
    const result = summarize(scoreRequests(HAND_DATASET, recorded, strictTestParse), true);
    expect(result.llm).toEqual({ meanCalls: 1, meanPromptTokens: 150, meanCompletionTokens: 15, meanTokens: 165, meanLatencyMs: 300, failures: 1 });
    expect(result.byType.graph.llm).toEqual({ meanCalls: 0.5, meanPromptTokens: 100, meanCompletionTokens: 0, meanTokens: 100, meanLatencyMs: 200, failures: 1 });
  });
});

describe('reading evaluation files', () => {
  it('reads JSON lines and names the bad line', () => {
    expect(parseDataset(toJsonLines(HAND_DATASET)).map((i) => i.id)).toEqual(['A', 'B', 'C', 'D']);
    const bad = toJsonLines([HAND_DATASET[0], { ...HAND_DATASET[1], type: 'tree' }]);
    expect(() => parseDataset(bad)).toThrow(/dataset line 2: type/);
    expect(() => parseDataset('{"id": 1,')).toThrow(EvalInputError);
    expect(() => parseDataset(toJsonLines([HAND_DATASET[0], HAND_DATASET[0]]))).toThrow(/id "A" appears twice/);
    expect(() => parseDataset('\n\n')).toThrow(/no requests/);
  });

  it('accepts numeric ids and null outputs in predictions', () => {
    expect(parsePredictions('{"id": 7, "output": null, "error": "timeout"}\n')).toEqual([{ id: '7', output: null, error: 'timeout' }]);
  });
});

describe('report', () => {
  const scored = scoreRequests(HAND_DATASET, HAND_PREDICTIONS, strictTestParse);
  const summary = summarize(scored, false);

  it('prints a table with a row per type and overall', () => {
    const table = formatMetricsTable(summary).split('\n');
    expect(table[0]).toMatch(/^type\s+n\s+parse\s+acc\s+P\s+R\s+F1\s+edgeF1\s+ED\s+argF1\s+valF1$/);
    expect(table[1]).toMatch(/^single\s+1\s+1\.000\s+1\.000/);
    expect(table[4]).toMatch(/^all\s+4\s+0\.750\s+0\.500\s+0\.833\s+0\.625\s+0\.714\s+0\.400\s+0\.583\s+0\.667\s+0\.533$/);
  });

  it('lists the differences of every imperfect request', () => {
    const md = formatMarkdownReport(summary, scored, 'hand');
    expect(md).toContain('## Differences (3 of 4 requests)');
    expect(md).toContain('### A (single)');
    expect(md).toContain('- missing arguments: `object-detection.image=a.jpg`');
    expect(md).toContain('- extra tasks: `text-classification`');
    expect(md).toContain('- extra edges: `image-to-text -> text-classification`');
    expect(md).toContain('- missing edges: `automatic-speech-recognition -> sentence-similarity`, `automatic-speech-recognition -> sentence-similarity`');
    expect(md).toMatch(/### C \(graph\)\n\n> How similar are a.wav and b.wav\?\n\n- unusable output: /);
    expect(md).not.toContain('### D');
  });
});
