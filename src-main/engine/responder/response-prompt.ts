// The stage-4 prompt: the request, the plan, the model choices and the results, compactly.
import type { PlanTask } from '../../../src-shared/plan';
import { outputFileName } from '../../../src-shared/output-names';
import type { TaskOutput } from '../../../src-shared/resources';
import type { NodeStatus, TaskError } from '../../../src-shared/run-events';
import type { Selections } from '../../../src-shared/selection';
import type { ChatMessage } from '../chat-model';

/** What the responder needs to know of one task's run. */
export interface TaskResultForResponse {
  status: NodeStatus;
  outputs: TaskOutput[];
  error?: TaskError;
  model?: string;
  endpoint?: string;
}

/** Everything stage 4 describes. */
export interface ResponseContext {
  request: string;
  history: ChatMessage[];
  tasks: PlanTask[];
  selections: Selections;
  results: Record<number, TaskResultForResponse>;
}

const MAX_TEXT_OUTPUT = 600;
const MAX_HISTORY_TURNS = 6;

const SYSTEM = [
  'You are the response stage of HuggingGPT: expert models have just worked on the user\'s request.',
  'First answer the request directly and concretely, using the results. Then, in the first person, describe',
  'the work: which tasks ran, with which model and why, and what each produced. Name every generated file by',
  'its exact file name as given below (such as task-1-image.png), and every model used. Never invent a file, a path, a model or a result;',
  'if a task failed or was skipped, say so and why. Plain Markdown, no HTML.',
].join(' ');

function trimText(text: string): string {
  const flat = text.trim();
  return flat.length > MAX_TEXT_OUTPUT ? `${flat.slice(0, MAX_TEXT_OUTPUT)}... (${flat.length} characters in all)` : flat;
}

/** One output of task `taskId` as the LLM sees it: text inline (trimmed), files by their readable name. */
export function describeOutput(output: TaskOutput, taskId: number, siblings: readonly TaskOutput[] = []): string {
  if (output.text !== undefined) return `${output.port} (${output.modality}): ${trimText(output.text)}`;
  return `${output.port} (${output.modality} file): ${outputFileName(taskId, output, siblings)}`;
}

function describeTask(task: PlanTask, context: ResponseContext): string {
  const result = context.results[task.id];
  const selection = context.selections[task.id];
  const lines = [`Task ${task.id}: ${task.task} ${JSON.stringify(task.args)}`];
  if (selection) lines.push(`  model: ${selection.model} on ${selection.endpoint} (chosen: ${selection.reason})`);
  if (!result) {
    lines.push('  status: not run');
    return lines.join('\n');
  }
  lines.push(`  status: ${result.status}${result.model && result.model !== selection?.model ? ` (served by ${result.model})` : ''}`);
  if (result.endpoint && result.endpoint !== selection?.endpoint) lines.push(`  served on: ${result.endpoint}`);
  if (result.error) lines.push(`  error (${result.error.kind}): ${result.error.message}`);
  for (const output of result.outputs) lines.push(`  output ${describeOutput(output, task.id, result.outputs)}`);
  return lines.join('\n');
}

/** Builds the messages for the response call. */
export function buildResponseMessages(context: ResponseContext): ChatMessage[] {
  const history = context.history.slice(-MAX_HISTORY_TURNS * 2);
  const work = context.tasks.length
    ? context.tasks.map((t) => describeTask(t, context)).join('\n')
    : 'No task was run.';
  return [
    { role: 'system', content: SYSTEM },
    ...history,
    { role: 'user', content: `Request: ${context.request}\n\nWork done:\n${work}` },
  ];
}

/** A plain conversation (empty plan): the LLM answers directly, with the history. */
export function buildDirectAnswerMessages(request: string, history: ChatMessage[]): ChatMessage[] {
  return [
    { role: 'system', content: 'You are HuggingGPT, a helpful assistant. No expert model was needed for this message: answer it directly. Plain Markdown, no HTML.' },
    ...history.slice(-MAX_HISTORY_TURNS * 2),
    { role: 'user', content: request },
  ];
}
