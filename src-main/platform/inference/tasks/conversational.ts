// conversational -> chatCompletion: the text is one user message; an endpointUrl gets
// `<url>/v1/chat/completions` (OpenAI chat format); reads choices[0].message.content.
import { InferenceError } from '../../../engine/inference';
import type { TaskInvoker } from '../invoker';
import { route } from '../invoker';
import { textInput, textOutput } from '../wire';

/** Replies in a conversation. */
export const conversational: TaskInvoker = {
  type: 'conversational',
  async invoke(client, args) {
    const messages = [{ role: 'user', content: textInput(args.inputs) }];
    const result = await client.chatCompletion({ ...route(args), messages }, args.options);
    const content = result.choices?.[0]?.message?.content;
    if (typeof content !== 'string') throw new InferenceError('bad-output', 'The chat model returned no message.');
    return [textOutput(content)];
  },
};
