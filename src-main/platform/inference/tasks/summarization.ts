// summarization -> summarization: JSON {inputs: text}; reads summary_text.
import type { TaskInvoker } from '../invoker';
import { route } from '../invoker';
import { textInput, textOutput } from '../wire';

/** Summarizes text. */
export const summarization: TaskInvoker = {
  type: 'summarization',
  async invoke(client, args) {
    const result = await client.summarization({ ...route(args), inputs: textInput(args.inputs) }, args.options);
    return [textOutput(result.summary_text)];
  },
};
