// The 30-task cap is enforced, not just reported (issue 20, item 6): a 3,000-task answer makes no model call.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_PLAN_TASKS } from '../../src-shared/plan';
import { routeLlm, stageOf } from '../support/routed-llm';
import { startSeedFakes, type SeedFakes } from '../pipeline/seed-fakes';

let fakes: SeedFakes;
beforeAll(async () => {
  fakes = await startSeedFakes({ cloud: { 'google/vit-base-patch16-224': 'image-classification' }, settings: (s) => ({ ...s, endpoints: [] }) });
});
afterAll(() => fakes.close());

describe('the plan size cap', () => {
  it('refuses a 3,000-task answer with a clear error and runs nothing', async () => {
    // Compact, as an LLM could write it: under the parser's 200,000-character limit.
    const plan = Array.from({ length: 3000 }, (_, id) => ({ task: 'summarization', id, dep: [-1], args: { text: 'a' } }));
    routeLlm(fakes.llm, { plan: () => JSON.stringify(plan) });
    const { code, stderr } = await fakes.cli(['run', 'summarize a', '--json']);
    expect(code).toBe(1);
    expect(stderr).toContain(`the plan has 3000 tasks; at most ${MAX_PLAN_TASKS} are allowed`);
    expect(fakes.hf.requests).toHaveLength(0);
    expect(fakes.llm.requests.map(stageOf)).not.toContain('select');
    expect(fakes.llm.requests.map(stageOf)).not.toContain('task');
  });
});
