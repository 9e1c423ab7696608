// A ChatModel wrapper that remembers what the LLM answered, so an evaluation keeps the raw output
// even when the planner rejects it (the planner throws on unreadable plans and keeps no text).
import { addUsage, emptyUsage, type Usage } from '../../../src-shared/plan';
import type { ChatModel, ChatResult } from '../chat-model';

/** The wrapped model plus what it saw: the last answer and the usage of every call (failed calls count as calls). */
export interface RecordingChatModel {
  model: ChatModel;
  lastAnswer(): ChatResult | undefined;
  usage(): Usage;
}

/** Wraps `chat` to record its answers; one recorder per planned request. */
export function recordChatModel(chat: ChatModel): RecordingChatModel {
  let last: ChatResult | undefined;
  let usage = emptyUsage();
  return {
    model: {
      async complete(request) {
        usage = addUsage(usage, { llmCalls: 1, promptTokens: 0, completionTokens: 0 });
        const result = await chat.complete(request);
        usage = addUsage(usage, { llmCalls: 0, promptTokens: result.promptTokens, completionTokens: result.completionTokens });
        last = result;
        return result;
      },
    },
    lastAnswer: () => last,
    usage: () => usage,
  };
}
