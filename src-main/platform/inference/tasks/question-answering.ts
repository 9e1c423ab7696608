// question-answering -> questionAnswering: JSON {inputs: {question, context}}; the answer text.
import type { TaskInvoker } from '../invoker';
import { route } from '../invoker';
import { textInput, textOutput } from '../wire';

/** Answers the question on `text` from the `context` text. */
export const questionAnswering: TaskInvoker = {
  type: 'question-answering',
  async invoke(client, args) {
    const inputs = { question: textInput(args.inputs), context: textInput(args.inputs, 'context') };
    const answer = await client.questionAnswering({ ...route(args), inputs }, args.options);
    return [textOutput(answer.answer, answer)];
  },
};
