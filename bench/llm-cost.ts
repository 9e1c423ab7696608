// llm.callsPerRequest and llm.promptTokenRatio: the LLM calls and prompt tokens of the four stages for plans of
// 1, 3, 6 and 10 tasks (several candidates each), against what the reference HuggingGPT procedure would send.
import type { PlanTask } from '../src-shared/plan';
import { countChatTokens, countTokens } from '../src-main/engine/planner/token-count';
import { loadSnapshot } from '../src-main/platform/catalog-file';
import { startFakeLlm } from '../test/support/fake-llm';
import { log, round, type Bench, type BenchResult } from './support/figure';
import { planTask } from './support/graphs';
import { pipelineSettings, runFourStages, scriptCooperativeLlm } from './support/llm-pipeline';
import { startLoopback } from './support/loopback';
import { tinyPng } from '../test/support/fake-hf-media';

/** The reference procedure's prompt sizes (tokens), from the issue: planning, selection per task, response base. */
export const REFERENCE = { planning: 1500, selectionPerTask: 850, responseBase: 250 } as const;
export const REFERENCE_FORMULA =
  'reference = 1500 (planning) + 850 x tasks with several candidates (one selection call each) + 250 (response) + result tokens; ' +
  'result tokens = o200k tokens of the results block our own response prompt carries (the reference sent raw result JSON, never less). ' +
  'ours = o200k tokens of every message sent to the LLM (+4 per message, +3 per request) plus the response_format JSON schema.';

const IMAGE = 'example.jpg';

/**
 * Ten image/audio tasks (none text-only, so none is done by the LLM itself); plans are prefixes. Every type
 * here has a provider the app can call (depth-estimation, which none serves, would be refused at selection).
 */
const TEN_TASKS: PlanTask[] = [
  planTask(0, 'object-detection', { image: IMAGE }),
  planTask(1, 'image-to-text', { image: '<resource>-0' }),
  planTask(2, 'text-to-speech', { text: '<resource>-1' }),
  planTask(3, 'image-classification', { image: IMAGE }),
  planTask(4, 'image-to-image', { image: IMAGE }),
  planTask(5, 'image-segmentation', { image: '<resource>-4' }),
  planTask(6, 'text-to-image', { text: 'a lighthouse in a storm' }),
  planTask(7, 'visual-question-answering', { image: '<resource>-6', text: 'how many boats are there?' }),
  planTask(8, 'image-to-image', { image: '<resource>-6' }),
  planTask(9, 'object-detection', { image: '<resource>-8' }),
];
const SIZES = [1, 3, 6, 10];

/** What one plan cost, and what the reference procedure would have sent. */
interface PlanCost {
  tasks: number;
  llmCalls: number;
  promptTokensPerCall: number[];
  schemaTokensPerCall: number[];
  promptTokens: number;
  referenceCalls: number;
  referencePromptTokens: number;
  ratio: number;
  selectionMethods: string[];
}

async function measure(): Promise<BenchResult> {
  const catalog = loadSnapshot().models;
  const types = [...new Set(TEN_TASKS.map((t) => t.task))];
  const loop = await startLoopback([]);
  for (const m of catalog.filter((c) => types.includes(c.task))) loop.serveModel(m.id, m.task);
  const llm = await startFakeLlm();
  let current: PlanTask[] = [];
  scriptCooperativeLlm(llm, () => current);
  try {
    const settings = pipelineSettings(llm.baseURL, loop.hf.url, loop.hub.url);
    const attachments = { [IMAGE]: await loop.store.put(tinyPng(64, 64, [90, 160, 220]), { name: IMAGE }) };
    const plans: PlanCost[] = [];
    for (const size of SIZES) {
      current = TEN_TASKS.slice(0, size);
      const first = llm.requests.length;
      const { tasks, methods, status } = await runFourStages({ request: `look at ${IMAGE} and do ${size} things with it`, attachments, settings, catalog, store: loop.store });
      if (tasks.length !== size || status !== 'succeeded') throw new Error(`plan of ${size}: ${tasks.length} tasks, run ${status}`);
      const bodies = llm.requests.slice(first);
      const messageTokens = await Promise.all(bodies.map((b) => countChatTokens(b.messages)));
      const schemaTokens = await Promise.all(bodies.map(async (b) => (b.response_format ? countTokens(JSON.stringify(b.response_format)) : 0)));
      const perCall = messageTokens.map((m, i) => m + schemaTokens[i]);
      const ours = perCall.reduce((a, b) => a + b, 0);
      const responseUser: string = bodies.at(-1).messages.at(-1).content;
      const resultTokens = await countTokens(responseUser.slice(responseUser.indexOf('Work done:')));
      const severalCandidates = methods.filter((m) => m === 'llm' || m === 'fallback').length;
      const reference = REFERENCE.planning + REFERENCE.selectionPerTask * severalCandidates + REFERENCE.responseBase + resultTokens;
      plans.push({ tasks: size, llmCalls: bodies.length, promptTokensPerCall: perCall, schemaTokensPerCall: schemaTokens, promptTokens: ours, referenceCalls: 2 + severalCandidates, referencePromptTokens: reference, ratio: round(ours / reference), selectionMethods: methods });
      log(`llm ${size} tasks: ${bodies.length} calls, ${ours} prompt tokens (${perCall.join(' + ')}) vs reference ${reference}: ratio ${(ours / reference).toFixed(3)}`);
    }
    const total = (key: 'promptTokens' | 'referencePromptTokens') => plans.reduce((sum, p) => sum + p[key], 0);
    const ratio = total('promptTokens') / total('referencePromptTokens');
    const worst = plans.reduce((a, b) => (b.ratio > a.ratio ? b : a));
    return {
      figures: [
        { name: 'llm.callsPerRequest', value: Math.max(...plans.map((p) => p.llmCalls)), unit: 'calls', target: { op: '<=', limit: 3 }, note: 'max over plans of 1, 3, 6, 10 tasks (reference: 2 + one per task)' },
        { name: 'llm.promptTokenRatio', value: round(ratio), unit: 'x', target: { op: '<=', limit: 0.5 }, note: `all four plans together: ours / reference prompt tokens (formula in --json details); per plan ${plans.map((p) => `${p.tasks}:${p.ratio}`).join(', ')}` },
        { name: 'llm.promptTokenRatioWorstPlan', value: worst.ratio, unit: 'x', note: `the ${worst.tasks}-task plan; fixed costs (planning prompt and schema) weigh most on small plans` },
      ],
      details: { formula: REFERENCE_FORMULA, encoding: 'o200k_base (js-tiktoken)', candidatesPerTask: settings.selection.topK, plans },
    };
  } finally {
    await llm.close();
    await loop.close();
  }
}

export const llmCostBench: Bench = { name: 'llm-cost', run: measure };
