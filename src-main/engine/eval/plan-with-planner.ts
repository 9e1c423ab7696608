// LLM mode's planning step: the app's own planner (prompt, validation, one repair round), with the raw answer kept.
import { messageOf } from '../../../src-shared/contract-error';
import type { ChatModel } from '../chat-model';
import { PlanParseError } from '../planner/parse-plan';
import { planRequest } from '../planner/plan-request';
import type { PlanOneRequest } from './plan-dataset';
import { recordChatModel } from './recording-chat';


/**
 * Plans one request exactly as the app does (no history, no attachments) and returns the LLM's last raw
 * answer, also when the planner found no usable plan in it; an unreachable LLM gives a null output.
 */
export function planWithPlanner(chat: ChatModel): PlanOneRequest {
  return async (request, signal) => {
    const recorder = recordChatModel(chat);
    try {
      const result = await planRequest({ request, history: [], attachments: [], chat: recorder.model, signal });
      return { rawOutput: result.rawOutput, usage: recorder.usage(), finishReason: recorder.lastAnswer()?.finishReason ?? null };
    } catch (error) {
      if (signal?.aborted) throw error;
      const last = recorder.lastAnswer();
      if (error instanceof PlanParseError && last) return { rawOutput: last.text, usage: recorder.usage(), finishReason: last.finishReason };
      return { rawOutput: null, usage: recorder.usage(), error: `LLM call failed: ${messageOf(error)}` };
    }
  };
}
