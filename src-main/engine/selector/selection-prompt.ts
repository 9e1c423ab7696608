// The one LLM call of stage 2: a compact prompt listing every task that needs a choice, and its tolerant parser.
import type { PlanTask } from '../../../src-shared/plan';
import type { Candidate } from '../../../src-shared/selection';
import type { ChatMessage, ChatRequest } from '../chat-model';
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
  'For every task listed, choose exactly one model from that task\'s candidates, judging by how well its description fits the task and its arguments; popularity (downloads) is a tie-breaker.',
  'Use only model ids that appear in the task\'s own candidate list, spelled exactly.',
  'Reply with JSON only: {"choices":[{"task":<task id>,"id":"<model id>","reason":"<one short sentence>"}]} with one entry per task.',
].join('\n');

const compactNumber = (n: number): string =>
  n >= 1e6 ? `${(n / 1e6).toFixed(1)}M` : n >= 1e3 ? `${Math.round(n / 1e3)}k` : String(n);

const argText = (args: Record<string, string>): string =>
  Object.entries(args)
    .map(([k, v]) => `${k}=${JSON.stringify(trimDescription(v, 80))}`)
    .join(', ') || '(none)';

/** The messages of the selection call for all `items` at once. */
export function buildSelectionMessages(items: ChoiceItem[]): ChatMessage[] {
  const blocks = items.map(({ task, type, candidates }) => {
    const lines = candidates.map((c) => `  - ${c.id} | ${compactNumber(c.downloads)} downloads | ${trimDescription(c.description, 90)}`);
    return [`Task ${task.id}: ${type}; args: ${argText(task.args)}`, '  candidates:', ...lines].join('\n');
  });
  return [
    { role: 'system', content: SYSTEM },
    { role: 'user', content: `${blocks.join('\n\n')}\n\nChoose one model per task (${items.length} task${items.length === 1 ? '' : 's'}).` },
  ];
}

/** The outermost JSON value in `text`: code fences and prose around it are ignored. */
function extractJson(text: string): unknown {
  const fenced = /```(?:json)?\s*([\s\S]*?)```/i.exec(text);
  const body = fenced ? fenced[1] : text;
  for (const [open, close] of [['{', '}'], ['[', ']']] as const) {
    const start = body.indexOf(open);
    const end = body.lastIndexOf(close);
    if (start < 0 || end <= start) continue;
    try {
      return JSON.parse(body.slice(start, end + 1));
    } catch {
      // try the other bracket kind
    }
  }
  return undefined;
}

/** Reads `{"choices":[...]}` (or a bare array, or a single choice) from the LLM's text; undefined if unreadable. */
export function parseSelectionAnswer(text: string): LlmChoice[] | undefined {
  const json = extractJson(text);
  const list: unknown = Array.isArray(json) ? json : (json as { choices?: unknown } | undefined)?.choices ?? (json ? [json] : undefined);
  if (!Array.isArray(list)) return undefined;
  const choices: LlmChoice[] = [];
  for (const raw of list) {
    if (typeof raw !== 'object' || raw === null) continue;
    const entry = raw as Record<string, unknown>;
    const task = Number(entry.task ?? entry.task_id ?? entry.taskId);
    const id = entry.id ?? entry.model;
    if (!Number.isInteger(task) || typeof id !== 'string') continue;
    choices.push({ task, id: id.trim(), reason: typeof entry.reason === 'string' ? entry.reason.trim() : '' });
  }
  return choices.length > 0 ? choices : undefined;
}
