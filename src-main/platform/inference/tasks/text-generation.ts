// text-generation -> textGeneration. For an endpointUrl the library POSTs the OpenAI completions format
// to `<url>/v1/completions` ({model, prompt}) and reads `choices[0].text`: what TGI, vLLM and
// llama.cpp servers speak. Continuation semantics fit the task better than a chat turn.
import type { TaskInvoker } from '../invoker';
import { route } from '../invoker';
import { textInput, textOutput } from '../wire';

/** Continues or writes text from a prompt. */
export const textGeneration: TaskInvoker = {
  type: 'text-generation',
  async invoke(client, args) {
    const result = await client.textGeneration({ ...route(args), inputs: textInput(args.inputs) }, args.options);
    return [textOutput(result.generated_text)];
  },
};
