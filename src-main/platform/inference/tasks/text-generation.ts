// text-generation. Chat route (instruct models, mapped as "conversational" by today's providers): the text
// is one user turn. Classic route -> textGeneration; for an endpointUrl the library POSTs the OpenAI
// completions format to `<url>/v1/completions` ({model, prompt}) and reads `choices[0].text`: what TGI,
// vLLM and llama.cpp servers speak.
import { chatReply } from '../chat-route';
import type { TaskInvoker } from '../invoker';
import { route } from '../invoker';
import { textInput, textOutput } from '../wire';

/** Continues or writes text from a prompt. */
export const textGeneration: TaskInvoker = {
  type: 'text-generation',
  async invoke(client, args) {
    if (args.cloudRoute === 'chat') return [textOutput(await chatReply(client, args, textInput(args.inputs)))];
    const result = await client.textGeneration({ ...route(args), inputs: textInput(args.inputs) }, args.options);
    return [textOutput(result.generated_text)];
  },
};
