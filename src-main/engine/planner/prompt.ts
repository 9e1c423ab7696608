// The planning prompt: format specification, the task types with their ports (from the registry),
// demonstrations (resources/planner-demonstrations.json) and the chat history.
import demonstrations from '../../../resources/planner-demonstrations.json' with { type: 'json' };
import { TASK_TYPES, type PortSpec, type TaskTypeSpec } from '../../../src-shared/tasks';
import type { ChatMessage, ChatRequest } from '../chat-model';

/** What the prompt is built from. */
export interface PlanPromptInput {
  request: string;
  history: ChatMessage[];
  /** Names of files attached to this conversation. */
  attachments: string[];
}

const HISTORY_MESSAGES = 8;
const HISTORY_CHARS = 400;

const portText = (p: PortSpec): string => `${p.name === p.modality ? p.name : `${p.name}:${p.modality}`}${p.optional ? '?' : ''}`;

/** "image, text? -> image" for a task type. */
function signature(spec: TaskTypeSpec): string {
  return `${spec.inputs.map(portText).join(', ')} -> ${[...new Set(spec.outputs.map((o) => o.modality))].join('+')}`;
}

/** The task types grouped by identical ports, one line per group. */
export function taskTypeLines(): string[] {
  const groups = new Map<string, string[]>();
  for (const spec of TASK_TYPES) groups.set(signature(spec), [...(groups.get(signature(spec)) ?? []), spec.type]);
  return [...groups.entries()].map(([sig, types]) => `${sig}: ${types.join(', ')}`);
}

/** The system message: output format, rules and task types. */
export function systemPrompt(): string {
  return [
    'You plan the work of expert AI models for the user\'s request. Reply with a JSON list of tasks and nothing else:',
    '[{"task": TYPE, "id": N, "dep": [IDS], "args": {PORT: VALUE}}]',
    '- ids count from 0; a task comes after the tasks it uses.',
    '- "<resource>-N" in an argument means the output of task N; put N in "dep". Use "dep": [-1] when a task uses no other task.',
    '- "args" keys are the input ports of the task type. A value is literal text, a file or URL the user gave in this conversation, or "<resource>-N" of a task whose output has the kind the port needs.',
    '- Never invent files or URLs. Use as few tasks as the request needs.',
    '- If the request needs no model (small talk, a question you can answer yourself), reply [].',
    'Task types (input ports -> output):',
    ...taskTypeLines(),
  ].join('\n');
}

const clip = (text: string): string => (text.length > HISTORY_CHARS ? `${text.slice(0, HISTORY_CHARS)}...` : text);

/** The final user message: earlier turns and attachments (so their files can be used again), then the request. */
export function requestMessage(input: PlanPromptInput): string {
  const turns = input.history.filter((m) => m.role !== 'system').slice(-HISTORY_MESSAGES);
  const parts: string[] = [];
  if (turns.length > 0) parts.push('Earlier in this conversation:', ...turns.map((m) => `${m.role}: ${clip(m.content.replace(/\s+/g, ' '))}`));
  if (input.attachments.length > 0) parts.push(`Attached files: ${input.attachments.join(', ')}`);
  if (parts.length === 0) return input.request;
  return [...parts, `Request: ${input.request}`].join('\n');
}

/** The whole planning conversation: system, demonstrations as user/assistant turns, the request. */
export function planMessages(input: PlanPromptInput): ChatMessage[] {
  const demos = demonstrations.flatMap((d): ChatMessage[] => [
    { role: 'user', content: d.request },
    { role: 'assistant', content: JSON.stringify(d.tasks) },
  ]);
  return [{ role: 'system', content: systemPrompt() }, ...demos, { role: 'user', content: requestMessage(input) }];
}

const PORT_NAMES = [...new Set(TASK_TYPES.flatMap((t) => t.inputs.map((p) => p.name)))];

/** The JSON schema for structured output (strict mode: every field required, unused ports null). */
export const PLAN_JSON_SCHEMA: NonNullable<ChatRequest['jsonSchema']> = {
  name: 'task_plan',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['tasks'],
    properties: {
      tasks: {
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['task', 'id', 'dep', 'args'],
          properties: {
            task: { type: 'string', enum: TASK_TYPES.map((t) => t.type) },
            id: { type: 'integer' },
            dep: { type: 'array', items: { type: 'integer' } },
            args: {
              type: 'object',
              additionalProperties: false,
              required: PORT_NAMES,
              properties: Object.fromEntries(PORT_NAMES.map((name) => [name, { type: ['string', 'null'] }])),
            },
          },
        },
      },
    },
  },
};

/** The message asking the LLM to fix its plan, given the problems found. */
export function repairMessage(problems: string[]): string {
  return [
    'Your plan cannot be used:',
    ...problems.slice(0, 12).map((p) => `- ${p}`),
    'Reply with the corrected JSON list of tasks only.',
  ].join('\n');
}
