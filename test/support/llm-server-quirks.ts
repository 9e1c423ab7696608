// How real OpenAI-compatible servers refuse requests they do not accept, for the fake LLM's `refuse` rule.
import type { FakeRefusal } from './fake-llm';

/**
 * Text Generation Inference: its chat route deserialises `response_format` into its own grammar enum
 * (`#[serde(tag = "type", content = "value")] enum GrammarType { json, regex }`, huggingface/text-generation-inference
 * router/src/lib.rs), so an OpenAI `{"type": "json_schema", ...}` fails axum's JSON extractor, which answers
 * 422 with a plain-text body "Failed to deserialize the JSON body into the target type: ..." (the same
 * text users report from TGI-backed servers, e.g. carlrobertoh/ProxyAI#907).
 */
export function tgiRefusal(body: any): FakeRefusal | undefined {
  const type = body.response_format?.type;
  if (type === undefined || type === 'json' || type === 'json_object' || type === 'regex') return undefined;
  return {
    status: 422,
    contentType: 'text/plain; charset=utf-8',
    body: `Failed to deserialize the JSON body into the target type: response_format: unknown variant \`${type}\`, expected one of \`json\`, \`json_object\`, \`regex\` at line 1 column 211`,
  };
}

const openAiError = (message: string, param: string, code: string): FakeRefusal => ({
  status: 400,
  contentType: 'application/json',
  body: JSON.stringify({ error: { message, type: 'invalid_request_error', param, code } }),
});

/**
 * OpenAI's reasoning models (o-series, gpt-5; also on Azure): one refusal per answer, in these words
 * (as reported in microsoft/vscode-copilot-release#8065, griptape-ai/ComfyUI-Griptape#312 for max_tokens,
 * gabrii/Cursor-Azure-GPT-5#33 and johny-b/llmcomp#69 for temperature). `order` picks which is checked first.
 */
export function openAiReasoningRefusal(order: 'max_tokens-first' | 'temperature-first' = 'max_tokens-first') {
  return (body: any): FakeRefusal | undefined => {
    const tokens = body.max_tokens !== undefined
      ? openAiError("Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.", 'max_tokens', 'unsupported_parameter')
      : undefined;
    const temperature = body.temperature !== undefined && body.temperature !== 1
      ? openAiError(`Unsupported value: 'temperature' does not support ${body.temperature} with this model. Only the default (1) value is supported.`, 'temperature', 'unsupported_value')
      : undefined;
    return order === 'max_tokens-first' ? tokens ?? temperature : temperature ?? tokens;
  };
}

/** A 400 that has nothing to do with any parameter the client could drop (a context overflow, as vLLM words it). */
export function contextOverflowRefusal(): FakeRefusal {
  return openAiError("This model's maximum context length is 4096 tokens. However, you requested 5000 tokens. Please reduce the length of the messages.", 'messages', 'context_length_exceeded');
}
