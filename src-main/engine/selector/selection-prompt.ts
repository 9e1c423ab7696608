// The one LLM call of stage 2: a compact prompt listing every task that needs a choice, and how its answer is read.
import type { PlanTask } from '../../../src-shared/plan';
import { HUGGINGFACE_ENDPOINT, type Candidate } from '../../../src-shared/selection';
import type { ChatMessage, ChatRequest } from '../chat-model';
import { AnswerReadError, isJsonObject, readListAnswer, type ListAnswerShape } from '../structured-answer';
import { trimDescription } from './catalog-model';

/** A task that needs the LLM to choose among several candidates. */
export interface ChoiceItem {
  task: PlanTask;
  type: string;
  candidates: Candidate[];
}

/** One choice as the LLM answered it (not yet checked against the candidates). */
export interface LlmChoice {
  task: number;
  id: string;
  reason: string;
}

/** The JSON schema the answer must follow (sent as structured output where the server supports it). */
export const SELECTION_SCHEMA: NonNullable<ChatRequest['jsonSchema']> = {
  name: 'model_choices',
  schema: {
    type: 'object',
    properties: {
      choices: {
        type: 'array',
        items: {
          type: 'object',
          properties: { task: { type: 'integer' }, id: { type: 'string' }, reason: { type: 'string' } },
          required: ['task', 'id', 'reason'],
          additionalProperties: false,
        },
      },
    },
    required: ['choices'],
    additionalProperties: false,
  },
};

const SYSTEM = [
  'You pick the AI model that will carry out each task of a plan.',
  'For every task listed, choose exactly one model from that task\'s candidates, judging by how well its description fits the task and its arguments.',
  'Candidates are listed in order of preference (the user\'s local endpoints, then the cloud); when several fit equally well, take the first listed.',
  'Use only model ids that appear in the task\'s own candidate list, spelled exactly.',
  'Reply with JSON only: {"choices":[{"task":<task id>,"id":"<model id>","reason":"<one short sentence>"}]} with one entry per task.',
].join('\n');

const compactNumber = (n: number): string =>
  n >= 1e6 ? `${(n / 1e6).toFixed(1)}M` : n >= 1e3 ? `${Math.round(n / 1e3)}k` : String(n);

/** Where a candidate runs, as the prompt says it (short: it is repeated on every candidate line). */
const runsOn = (c: Candidate): string => (c.endpoint === HUGGINGFACE_ENDPOINT ? 'cloud' : `local "${c.endpoint}"`);

const argText = (args: Record<string, string>): string =>
  Object.entries(args)
    .map(([k, v]) => `${k}=${JSON.stringify(trimDescription(v, 80))}`)
    .join(', ') || '(none)';

/** The messages of the selection call for all `items` at once. */
export function buildSelectionMessages(items: ChoiceItem[]): ChatMessage[] {
  const blocks = items.map(({ task, type, candidates }) => {
    const lines = candidates.map((c) => `  - ${c.id} | ${compactNumber(c.downloads)} downloads | ${runsOn(c)} | ${trimDescription(c.description, 90)}`);
    return [`Task ${task.id}: ${type}; args: ${argText(task.args)}`, '  candidates:', ...lines].join('\n');
  });
  return [
    { role: 'system', content: SYSTEM },
    { role: 'user', content: `${blocks.join('\n\n')}\n\nChoose one model per task (${items.length} task${items.length === 1 ? '' : 's'}).` },
  ];
}

/** Model choices: items are objects with a model id, each naming the task it is for. */
const SELECTION_SHAPE: ListAnswerShape<LlmChoice> = {
  list: 'model choices',
  item: 'choice',
  notAnItem: (value) => {
    if (!isJsonObject(value)) return `it is ${String(JSON.stringify(value)).slice(0, 40)}`;
    return value.id !== undefined || value.model !== undefined ? undefined : 'it has no model "id"';
  },
  read: (entry, index) => {
    const rawTask = entry.task ?? entry.task_id ?? entry.taskId;
    const task = typeof rawTask === 'string' && /^\s*\d{1,9}\s*$/.test(rawTask) ? Number(rawTask) : rawTask;
    const id = entry.id ?? entry.model;
    if (typeof task !== 'number' || !Number.isSafeInteger(task)) throw new AnswerReadError('malformed', `choice ${index + 1} of the model choices names no task id`);
    if (typeof id !== 'string' || id.trim() === '') throw new AnswerReadError('malformed', `choice ${index + 1} of the model choices has no model id`);
    return { task, id: id.trim(), reason: typeof entry.reason === 'string' ? entry.reason.trim() : '' };
  },
};

/**
 * Reads `{"choices":[...]}` (or a bare list, or a single choice) from the LLM's text with the reader every
 * structured answer uses. Throws AnswerReadError naming the problem (an invalid choice included).
 */
export function parseSelectionAnswer(text: string): LlmChoice[] {
  return readListAnswer(text, SELECTION_SHAPE);
}
