// The `tgi` protocol: Text Generation Inference serves one model; text tasks go through its
// OpenAI-compatible POST /v1/chat/completions ({model, messages} -> {choices: [{message: {content}}]}).
// Errors are JSON {"error", "error_type"} (422 validation, 424 generation, 429 overloaded).
// GET /health answers 200 once the model is loaded; GET /info names it (`model_id`).
import { REPO_ID_PATTERN, type ModelOnEndpoint } from '../../../src-shared/settings';
import { tasksServedBy } from '../../../src-shared/endpoint-protocols';
import { InferenceError, type RawOutput } from '../../engine/inference';
import { checkEndpointHealth, HEALTH_TIMEOUT_MS } from '../endpoint-health';
import { textInput, textOutput } from '../inference/wire';
import type { EndpointAdapter, EndpointCall } from './endpoint-adapter';
import { classified, jsonAnswer, serverUrl } from './endpoint-http';

/** What the model is asked to do with the text, per task type (none: the text is the message). */
const INSTRUCTIONS: Record<string, string> = {
  summarization: 'Summarize the following text. Answer with the summary only.',
  translation: 'Translate the following text as it asks (into English when it does not say). Answer with the translation only.',
  'text2text-generation': 'Rewrite the following text as it asks. Answer with the result only.',
};

/** The chat messages for one call. */
export function chatMessages(task: string, text: string): Array<{ role: 'system' | 'user'; content: string }> {
  const instruction = INSTRUCTIONS[task];
  return instruction ? [{ role: 'system', content: instruction }, { role: 'user', content: text }] : [{ role: 'user', content: text }];
}

async function chat(call: EndpointCall): Promise<RawOutput[]> {
  const response = await call.fetch(`${serverUrl(call.endpoint, call.entry)}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model: call.model, messages: chatMessages(call.task, textInput(call.inputs)), stream: false }),
    signal: call.signal,
  });
  const answer = (await jsonAnswer(response)) as { choices?: Array<{ message?: { content?: unknown } }> };
  const content = answer.choices?.[0]?.message?.content;
  if (typeof content !== 'string') throw new InferenceError('bad-output', 'TGI answered without a message.', { retriable: false });
  return [textOutput(content.trim())];
}

/** A repo id for the model TGI names: its `model_id`, or the folder's name when it was loaded from a path. */
export const repoIdOf = (modelId: string): string =>
  REPO_ID_PATTERN.test(modelId) ? modelId : modelId.split(/[\\/]/).filter(Boolean).pop()?.replace(/[^\w.-]/g, '-') || 'tgi';

/** The `tgi` adapter. */
export function tgiAdapter(): EndpointAdapter {
  return {
    protocol: 'tgi',
    run: (call) => classified(`TGI endpoint "${call.endpoint.name}"`, call.signal, () => chat(call)),
    health: (endpoint, options) => checkEndpointHealth(endpoint, options),
    async discover(endpoint, options = {}): Promise<ModelOnEndpoint[]> {
      const signal = AbortSignal.any([AbortSignal.timeout(options.timeoutMs ?? HEALTH_TIMEOUT_MS), ...(options.signal ? [options.signal] : [])]);
      return classified(`TGI at ${endpoint.url}`, signal, async () => {
        const info = (await jsonAnswer(await (options.fetch ?? fetch)(`${serverUrl(endpoint)}/info`, { signal }))) as { model_id?: unknown };
        if (typeof info.model_id !== 'string') throw new InferenceError('bad-output', 'TGI\'s /info does not name a model_id.', { retriable: false });
        return tasksServedBy('tgi').map((task) => ({ id: repoIdOf(info.model_id as string), task }));
      });
    },
  };
}
