// Run-time fallback to the next candidate: a model that turns out to have no provider (or is not deployed
// on it) hands the node to the next model checked at selection, with an attempt record saying why.
import { describe, expect, it } from 'vitest';
import { executeGraph } from '../../src-main/engine/executor/execute-graph';
import { InferenceError } from '../../src-main/engine/inference';
import { harness, inputFor, task } from './fakes/fixtures';

const cloud = { kind: 'huggingface' as const, provider: 'auto' };
const one = [task(0, 'text-classification', { text: 'what a day' })];
const noProvider = (model: string) => () => {
  throw new InferenceError('no-provider', `${model} is not deployed on hf-inference (HTTP 404)`, { status: 404, retriable: false });
};
const labels = () => [{ port: 'text', modality: 'text' as const, text: 'cat (0.98)' }];

describe('next candidate on no-provider', () => {
  it('moves to the next alternative by itself; the node shows the model that ran', async () => {
    const h = harness();
    h.runner.script('m/text-classification-0', noProvider('m/text-classification-0'));
    h.runner.script('org/second', noProvider('org/second'));
    h.runner.script('org/third', labels);
    const alternatives = [{ model: 'org/second', target: cloud }, { model: 'org/third', target: cloud }];
    const { results } = await executeGraph(inputFor(h, one, { targets: { 0: { primary: cloud, alternatives } } })).done;
    expect(results[0]).toMatchObject({ status: 'succeeded', model: 'org/third' });
    expect(results[0].attempts.map((a) => a.error?.kind ?? 'ok')).toEqual(['no-provider', 'no-provider', 'ok']);
    expect(h.runner.calls.map((c) => c.model)).toEqual(['m/text-classification-0', 'org/second', 'org/third']);
    const logs = h.events.filter((e) => e.type === 'node-log').map((e) => (e as { message: string }).message);
    expect(logs[0]).toContain('trying the next candidate, org/second on huggingface');
    expect(h.events.find((e) => e.type === 'node-succeeded')).toMatchObject({ model: 'org/third' });
  });

  it('does not move on for other failures (the model exists; its answer was the problem)', async () => {
    const h = harness();
    h.runner.script('m/text-classification-0', () => {
      throw new InferenceError('bad-output', 'unreadable');
    });
    h.runner.script('org/second', labels);
    const { results } = await executeGraph(inputFor(h, one, { targets: { 0: { primary: cloud, alternatives: [{ model: 'org/second', target: cloud }] } } })).done;
    expect(results[0]).toMatchObject({ status: 'failed', error: { kind: 'bad-output' } });
    expect(h.runner.calls).toHaveLength(1);
  });
});
