// The four stages wired as the app wires them, against loopback fakes: planRequest, selectModels,
// executeGraph (real runner -> fake HF) and generateResponse, all through the real openai client.
import type { PlanTask } from '../../src-shared/plan';
import { SettingsSchema, type Settings } from '../../src-shared/settings';
import { executeGraph } from '../../src-main/engine/executor/execute-graph';
import type { TaskTargets } from '../../src-main/engine/executor/types';
import { planRequest } from '../../src-main/engine/planner/plan-request';
import { generateResponse } from '../../src-main/engine/responder/generate-response';
import { fallbackTarget, modelTarget, selectModels, type CatalogModel } from '../../src-main/engine/selector';
import type { ResourceStore } from '../../src-main/engine/inference';
import type { ResourceRef } from '../../src-shared/resources';
import { createCloudAvailability } from '../../src-main/platform/inference/cloud-availability';
import { createHfModelRunner } from '../../src-main/platform/inference/hf-model-runner';
import { createProviderMappings } from '../../src-main/platform/inference/provider-mappings';
import { createOpenAiChatModel } from '../../src-main/platform/openai-chat';
import type { FakeLlm } from '../../test/support/fake-llm';
import { BENCH_EXECUTION } from './loopback';

/** Settings pointing the LLM and Hugging Face at the fakes. */
export function pipelineSettings(llmUrl: string, hfUrl: string, hubUrl: string): Settings {
  return SettingsSchema.parse({
    // One retry: on this loaded machine a kept-alive loopback socket is sometimes reset before the request is
    // sent (the fake never sees it, so the measured calls and tokens are unchanged).
    llm: { baseURL: llmUrl, apiKey: 'sk-bench', model: 'gpt-4o-mini', retries: 1 },
    huggingface: { token: 'hf_bench', enabled: true, hubUrl, routerUrl: hfUrl },
    execution: { ...BENCH_EXECUTION, mode: 'huggingface' },
  });
}

/**
 * Makes the fake LLM answer like a cooperative model: the planning call with `plan()`, the selection call
 * with the first candidate listed for each task, the response call with a short text.
 */
export function scriptCooperativeLlm(llm: FakeLlm, plan: () => PlanTask[]): void {
  llm.fallback((body) => {
    const schema = body.response_format?.json_schema?.name;
    const system: string = body.messages?.[0]?.content ?? '';
    if (schema === 'task_plan' || system.startsWith('You plan the work')) return JSON.stringify(plan());
    if (schema === 'model_choices' || system.startsWith('You pick the AI model')) {
      const user: string = body.messages.at(-1).content;
      const choices = [...user.matchAll(/^Task (\d+): [^\n]*\n  candidates:\n  - ([^ |]+)/gm)].map((m) => ({ task: Number(m[1]), id: m[2], reason: 'best fit for the task' }));
      return JSON.stringify({ choices });
    }
    return 'Here is what I did: I ran every task with the chosen models; the results are listed below.';
  });
}

/** Runs stages 1-4 for one request; returns the plan, the selection methods and the text of the work done. */
export async function runFourStages(options: {
  request: string;
  attachments: Record<string, ResourceRef>;
  settings: Settings;
  catalog: CatalogModel[];
  store: ResourceStore;
}): Promise<{ tasks: PlanTask[]; methods: string[]; status: string }> {
  const { settings, catalog, store } = options;
  const chat = createOpenAiChatModel(settings.llm);
  const { token, hubUrl, routerUrl } = settings.huggingface;
  const mappings = createProviderMappings({ hubUrl: () => hubUrl, token: () => token });
  const runner = createHfModelRunner({ token, hubUrl, routerUrl, mappings });
  const { plan } = await planRequest({ request: options.request, history: [], attachments: Object.keys(options.attachments), chat });
  const availability = createCloudAvailability(mappings, { routerUrl: () => routerUrl });
  const { selections, unavailable } = await selectModels({ tasks: plan.tasks, settings, catalog, chat, availability });
  const targets: Record<number, TaskTargets> = {};
  for (const [id, s] of Object.entries(selections)) {
    const task = plan.tasks.find((t) => t.id === Number(id))!;
    targets[Number(id)] = { primary: modelTarget(s, settings), fallback: fallbackTarget(s, settings, task.task) };
  }
  const { results, summary } = await executeGraph({
    tasks: plan.tasks, selections, unavailable, targets, userResources: options.attachments, execution: settings.execution, deps: { runner, store, chat },
  }).done;
  await generateResponse(chat, { request: options.request, history: [], tasks: plan.tasks, selections, results });
  return { tasks: plan.tasks, methods: Object.values(selections).map((s) => s.method), status: summary.status };
}
