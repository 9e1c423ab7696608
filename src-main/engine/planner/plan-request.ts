// Stage 1: asks the LLM for a task plan, parses and validates it, and gives it one chance to repair it.
import type { PlanIssue } from '../../../src-shared/contract';
import { addUsage, emptyUsage, type Plan, type PlanTask, type Usage } from '../../../src-shared/plan';
import { findTaskType } from '../../../src-shared/tasks';
import { usageOfResult as usageOf, type ChatMessage, type ChatModel, type ChatResult } from '../chat-model';
import { parsePartialPlan, parsePlanText, PlanParseError } from './parse-plan';
import { PLAN_JSON_SCHEMA, planMessages, repairMessage } from './prompt';
import { userResourcesIn } from './user-resources';
import { validatePlan } from './validate-plan';

/** One planning request: the user's words, the conversation so far, attachment names and the LLM. */
export interface PlanRequestInput {
  request: string;
  history: ChatMessage[];
  attachments: string[];
  chat: ChatModel;
  signal?: AbortSignal;
  /** Tasks parsed so far while the answer streams in (canonical names, best effort). */
  onTasks?: (tasks: PlanTask[]) => void;
}

/** The validated plan (canonical task types), its remaining problems, LLM usage and the last raw answer. */
export interface PlanRequestResult {
  plan: Plan;
  issues: PlanIssue[];
  usage: Usage;
  rawOutput: string;
}

const MAX_PLAN_TOKENS = 2048;

const canonicalNames = (tasks: PlanTask[]): PlanTask[] => tasks.map((t) => ({ ...t, task: findTaskType(t.task)?.type ?? t.task }));

/** Files and URLs the user gave: attachments and what the request and earlier user turns name. */
export function conversationResources(input: Pick<PlanRequestInput, 'request' | 'history' | 'attachments'>): string[] {
  const said = [...input.history.filter((m) => m.role === 'user').map((m) => m.content), input.request];
  return [...new Set([...input.attachments, ...said.flatMap(userResourcesIn)])];
}

/** Streams one answer, reporting complete task objects as they arrive. */
async function ask(input: PlanRequestInput, messages: ChatMessage[]): Promise<ChatResult> {
  const { onTasks } = input;
  let text = '';
  let reported = -1;
  const onDelta = onTasks
    ? (delta: string) => {
        text += delta;
        if (!delta.includes('}')) return;
        const tasks = parsePartialPlan(text);
        if (tasks.length !== reported) {
          reported = tasks.length;
          onTasks(canonicalNames(tasks));
        }
      }
    : undefined;
  return input.chat.complete({ messages, jsonSchema: PLAN_JSON_SCHEMA, maxTokens: MAX_PLAN_TOKENS, temperature: 0, signal: input.signal, onDelta });
}

type Attempt = { tasks: PlanTask[]; issues: PlanIssue[] } | { parseError: PlanParseError };

/** Parses and validates one answer; a cut-off answer is an error, never repaired. */
function evaluate(result: ChatResult, userResources: string[]): Attempt {
  if (result.finishReason === 'length') {
    throw new PlanParseError('truncated', 'the LLM stopped at its token limit before finishing the plan (finish_reason "length")');
  }
  try {
    return validatePlan(parsePlanText(result.text), { userResources });
  } catch (error) {
    if (error instanceof PlanParseError) return { parseError: error };
    throw error;
  }
}

/** Evaluates an answer; a PlanParseError leaves with the usage spent so far, so callers can report it. */
function evaluateCounted(result: ChatResult, userResources: string[], usage: Usage): Attempt {
  try {
    return evaluate(result, userResources);
  } catch (error) {
    if (error instanceof PlanParseError) error.usage = usage;
    throw error;
  }
}

/**
 * Plans a request. Returns the plan with any issues left after at most one repair round; throws
 * PlanParseError when no plan can be read, LlmError when the LLM cannot be reached.
 * An empty plan means a plain conversation.
 */
export async function planRequest(input: PlanRequestInput): Promise<PlanRequestResult> {
  const userResources = conversationResources(input);
  const messages = planMessages(input);
  const first = await ask(input, messages);
  let usage = usageOf(first);
  let attempt = evaluateCounted(first, userResources, usage);
  let rawOutput = first.text;
  const problems = 'parseError' in attempt ? [attempt.parseError.message] : attempt.issues.map((i) => i.message);
  if (problems.length > 0) {
    const repairMessages: ChatMessage[] = [...messages, { role: 'assistant', content: first.text }, { role: 'user', content: repairMessage(problems) }];
    const second = await ask(input, repairMessages);
    usage = addUsage(usage, usageOf(second));
    attempt = evaluateCounted(second, userResources, usage);
    rawOutput = second.text;
  }
  if ('parseError' in attempt) {
    attempt.parseError.usage = usage;
    throw attempt.parseError;
  }
  return { plan: { tasks: attempt.tasks }, issues: attempt.issues, usage: addUsage(emptyUsage(), usage), rawOutput };
}
