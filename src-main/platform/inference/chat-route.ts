// The chat-completion route that today's providers use for vision-language models (captioning, visual
// questions: an image content part) and for instruct models (text generation).
import type { InferenceClient } from '@huggingface/inference';
import { InferenceError } from '../../engine/inference';
import { route, type InvokeArgs } from './invoker';
import { fileInput, toBase64 } from './wire';

type ChatCompletionInputMessage = Parameters<InferenceClient['chatCompletion']>[0]['messages'][number];

/** The prompt a vision-language model gets to caption an image. */
export const CAPTION_PROMPT = 'Describe this image in one sentence.';

/** One user turn: the text, with the image on `imagePort` as a data-URL content part when given. */
function userMessage(args: InvokeArgs, text: string, imagePort?: string) {
  if (!imagePort) return { role: 'user', content: text } satisfies ChatCompletionInputMessage;
  const { bytes, mime } = fileInput(args.inputs, imagePort);
  return {
    role: 'user',
    content: [
      { type: 'text', text },
      { type: 'image_url', image_url: { url: `data:${mime};base64,${toBase64(bytes)}` } },
    ],
  } satisfies ChatCompletionInputMessage;
}

/** Asks the model one question (about an image when `imagePort` is set) through chatCompletion; its reply text. */
export async function chatReply(client: InferenceClient, args: InvokeArgs, text: string, imagePort?: string): Promise<string> {
  const result = await client.chatCompletion({ ...route(args), messages: [userMessage(args, text, imagePort)] }, args.options);
  const content = result.choices?.[0]?.message?.content;
  if (typeof content !== 'string') throw new InferenceError('bad-output', 'The chat model returned no message.');
  return content;
}
