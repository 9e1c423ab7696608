// Stage 2: choose a model for every task, with at most one LLM call for all tasks that need a choice.
import { emptyUsage, type PlanTask, type Usage } from '../../../src-shared/plan';
import { HUGGINGFACE_ENDPOINT, LLM_ENDPOINT, type Candidate, type Selection, type Selections } from '../../../src-shared/selection';
import type { Settings } from '../../../src-shared/settings';
import { findTaskType } from '../../../src-shared/tasks';
import { LlmError, usageOfResult, type ChatModel } from '../chat-model';
import { AnswerReadError } from '../structured-answer';
import type { CatalogModel } from './catalog-model';
import type { CloudAvailability } from './availability';
import { availableCandidates } from './available-candidates';
import { rankCandidates } from './candidates';
import { noCandidateReason } from './servable-candidates';
import { canonicalTask } from './endpoints';
import { buildSelectionMessages, parseSelectionAnswer, SELECTION_SCHEMA, type ChoiceItem, type LlmChoice } from './selection-prompt';

/** What stage 2 needs. `overrides` are the user's own choices: kept as they are, never re-chosen. */
export interface SelectModelsInput {
  tasks: PlanTask[];
  settings: Settings;
  catalog: CatalogModel[];
  chat: ChatModel;
  overrides?: Selections;
  /** Checks cloud candidates for a live Inference Provider before the LLM chooses; absent: not checked. */
  availability?: CloudAvailability;
  signal?: AbortSignal;
}

/** Stage 2's result: a selection per servable task, a fix-it message per task nobody can serve. */
export interface SelectModelsResult {
  selections: Selections;
  unavailable: Record<number, string>;
  /** Per task, the other checked cloud candidates in rank order: where a run goes when the chosen model has no provider. */
  alternatives: Record<number, string[]>;
  usage: Usage;
}

const fromCandidate = (taskId: number, c: Candidate, method: Selection['method'], reason: string): Selection => ({
  taskId,
  model: c.id,
  endpoint: c.endpoint,
  reason,
  method,
});

/** The top-ranked candidate (local first in hybrid mode), with a note saying why the LLM's choice was not used. */
function fallback(item: ChoiceItem, note: string): Selection {
  const top = item.candidates[0];
  const where = top.endpoint === HUGGINGFACE_ENDPOINT ? 'on Hugging Face' : `on endpoint "${top.endpoint}"`;
  return fromCandidate(item.task.id, top, 'fallback', `${note}; using the top-ranked candidate (${where})`);
}

/** Matches the LLM's model id against the candidates: exactly, then ignoring case. */
function matchCandidate(item: ChoiceItem, id: string): Candidate | undefined {
  return item.candidates.find((c) => c.id === id) ?? item.candidates.find((c) => c.id.toLowerCase() === id.toLowerCase());
}

function resolveChoices(items: ChoiceItem[], choices: LlmChoice[] | undefined, failure?: string): Selection[] {
  return items.map((item) => {
    if (!choices) return fallback(item, failure ?? 'the LLM answer could not be read');
    const choice = choices.find((c) => c.task === item.task.id);
    if (!choice) return fallback(item, 'the LLM gave no choice for this task');
    const candidate = matchCandidate(item, choice.id);
    if (!candidate) return fallback(item, `the LLM chose "${choice.id}", which is not among the candidates`);
    return fromCandidate(item.task.id, candidate, 'llm', choice.reason || 'chosen by the LLM');
  });
}

async function askLlm(items: ChoiceItem[], input: SelectModelsInput): Promise<{ selections: Selection[]; usage: Usage }> {
  let text: string;
  let usage = emptyUsage();
  try {
    const result = await input.chat.complete({
      messages: buildSelectionMessages(items),
      jsonSchema: input.settings.llm.structuredOutput ? SELECTION_SCHEMA : undefined,
      temperature: 0,
      maxTokens: 200 + 120 * items.length,
      signal: input.signal,
    });
    text = result.text;
    usage = usageOfResult(result);
  } catch (error) {
    if (input.signal?.aborted || (error instanceof LlmError && error.kind === 'cancelled')) throw error;
    const why = error instanceof Error ? error.message : String(error);
    return { selections: resolveChoices(items, undefined, `the model-choice LLM call failed (${why})`), usage: { ...usage, llmCalls: 1 } };
  }
  try {
    return { selections: resolveChoices(items, parseSelectionAnswer(text)), usage };
  } catch (error) {
    if (!(error instanceof AnswerReadError)) throw error;
    return { selections: resolveChoices(items, undefined, `the LLM's model choice could not be used (${error.message})`), usage };
  }
}

/**
 * Chooses a model for each task: user overrides are kept; text-only tasks go to the LLM itself when allowed;
 * one candidate is taken as is; tasks with several candidates share one LLM call.
 */
export async function selectModels(input: SelectModelsInput): Promise<SelectModelsResult> {
  const { tasks, settings, catalog, overrides = {} } = input;
  const selections: Selections = {};
  const unavailable: Record<number, string> = {};
  const pending: ChoiceItem[] = [];
  const cloudCandidates: Record<number, string[]> = {};

  const toCheck: Array<{ task: PlanTask; type: string }> = [];
  for (const task of tasks) {
    const override = overrides[task.id];
    if (override) {
      selections[task.id] = { ...override, taskId: task.id, method: 'user' };
      continue;
    }
    const type = canonicalTask(task.task);
    if (settings.selection.llmDoesTextTasks && findTaskType(type)?.llmCapable) {
      selections[task.id] = { taskId: task.id, model: settings.llm.model, endpoint: LLM_ENDPOINT, method: 'llm-itself', reason: `"${type}" is a text-only task; the controlling LLM does it itself` };
      continue;
    }
    toCheck.push({ task, type });
  }
  // Every task's availability checks at once: one round of Hub lookups per batch, not per task.
  const checked = await Promise.all(
    toCheck.map(({ type }) => availableCandidates(type, rankCandidates(type, catalog, settings), settings.selection.topK, input.availability, input.signal)),
  );
  toCheck.forEach(({ task, type }, i) => {
    const { candidates, cloudProblem } = checked[i];
    cloudCandidates[task.id] = candidates.filter((c) => c.endpoint === HUGGINGFACE_ENDPOINT).map((c) => c.id);
    if (candidates.length === 0) unavailable[task.id] = noCandidateReason(type, cloudProblem, catalog, settings);
    else if (candidates.length === 1) selections[task.id] = fromCandidate(task.id, candidates[0], 'only-candidate', 'the only model available for this task');
    else pending.push({ task, type, candidates });
  });

  let usage = emptyUsage();
  if (pending.length > 0) {
    const answer = await askLlm(pending, input);
    for (const selection of answer.selections) selections[selection.taskId] = selection;
    usage = answer.usage;
  }
  const alternatives: Record<number, string[]> = {};
  for (const [id, models] of Object.entries(cloudCandidates)) {
    const others = models.filter((m) => m !== selections[Number(id)]?.model);
    if (others.length > 0) alternatives[Number(id)] = others;
  }
  return { selections, unavailable, alternatives, usage };
}
