// Offline token counts (o200k_base, the encoding of current OpenAI models) for prompt budgets and for
// servers that do not report usage. The ranks (2 MB) load on first use.
import type { ChatMessage } from '../chat-model';

type Encoder = { encode(text: string): number[] };
let encoder: Promise<Encoder> | undefined;

function loadEncoder(): Promise<Encoder> {
  encoder ??= Promise.all([import('js-tiktoken/lite'), import('js-tiktoken/ranks/o200k_base')]).then(
    ([{ Tiktoken }, ranks]) => new Tiktoken(ranks.default),
  );
  return encoder;
}

/** The number of tokens in `text`. */
export async function countTokens(text: string): Promise<number> {
  return (await loadEncoder()).encode(text).length;
}

/** Tokens of a chat prompt, with the few tokens of framing each message costs. */
export async function countChatTokens(messages: ChatMessage[]): Promise<number> {
  const encode = await loadEncoder();
  return messages.reduce((sum, m) => sum + 4 + encode.encode(m.content).length, 3);
}
