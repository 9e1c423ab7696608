// document-question-answering -> documentQuestionAnswering: JSON {inputs: {question, image: <base64>}};
// reads the best answer.
import type { TaskInvoker } from '../invoker';
import { route } from '../invoker';
import { fileBlob, textInput, textOutput } from '../wire';

/** Answers the question on `text` about a document image. */
export const documentQuestionAnswering: TaskInvoker = {
  type: 'document-question-answering',
  async invoke(client, args) {
    const inputs = { image: fileBlob(args.inputs, 'image'), question: textInput(args.inputs) };
    const answer = await client.documentQuestionAnswering({ ...route(args), inputs }, args.options);
    return [textOutput(answer.answer ?? '', answer)];
  },
};
