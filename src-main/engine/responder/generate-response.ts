// Stage 4: the LLM describes what was done and the results; the real list of files is appended by us.
import { isFileOutput, outputFileName } from '../../../src-shared/output-names';
import { isSuccess } from '../../../src-shared/run-events';
import type { Usage } from '../../../src-shared/plan';
import { usageOfResult, type ChatMessage, type ChatModel } from '../chat-model';
import { buildDirectAnswerMessages, buildResponseMessages, type ResponseContext } from './response-prompt';

/** A generated answer and what it cost. */
export interface GeneratedResponse {
  text: string;
  usage: Usage;
}

/** The files the run really produced, listed after the LLM's answer: a readable name linked to the stored file. */
export function listGeneratedFiles(context: ResponseContext): string[] {
  const lines: string[] = [];
  for (const task of context.tasks) {
    const result = context.results[task.id];
    if (!isSuccess(result?.status)) continue;
    for (const output of result.outputs) {
      if (!output.path || !isFileOutput(output)) continue;
      const name = outputFileName(task.id, output, result.outputs);
      lines.push(`- [${name}](<${output.path}>) (task ${task.id}, ${task.task}, ${output.modality}${result.model ? `, ${result.model}` : ''})`);
    }
  }
  return lines;
}

async function complete(chat: ChatModel, messages: ChatMessage[], onDelta?: (textSoFar: string) => void, signal?: AbortSignal) {
  let soFar = '';
  const result = await chat.complete({
    messages,
    temperature: 0.3,
    signal,
    onDelta: onDelta
      ? (delta) => {
          soFar += delta;
          onDelta(soFar);
        }
      : undefined,
  });
  return { text: result.text.trim(), usage: usageOfResult(result) };
}

/**
 * Streams the stage-4 answer for a run; `onDelta` receives the text so far.
 * @example const { text } = await generateResponse(chat, context, (t) => render(t))
 */
export async function generateResponse(
  chat: ChatModel,
  context: ResponseContext,
  onDelta?: (textSoFar: string) => void,
  signal?: AbortSignal,
): Promise<GeneratedResponse> {
  if (context.tasks.length === 0) return complete(chat, buildDirectAnswerMessages(context.request, context.history), onDelta, signal);
  const answer = await complete(chat, buildResponseMessages(context), onDelta, signal);
  const files = listGeneratedFiles(context);
  const text = files.length ? `${answer.text}\n\nGenerated files:\n${files.join('\n')}` : answer.text;
  if (onDelta && text !== answer.text) onDelta(text);
  return { text, usage: answer.usage };
}
