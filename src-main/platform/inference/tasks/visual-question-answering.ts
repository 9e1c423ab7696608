// visual-question-answering. Chat route (vision-language models, how providers serve it today): the question
// with the image as a content part. Classic route: visualQuestionAnswering, JSON {inputs: {question,
// image: <base64>}}; reads the best answer.
import { chatReply } from '../chat-route';
import type { TaskInvoker } from '../invoker';
import { route } from '../invoker';
import { fileBlob, textInput, textOutput } from '../wire';

/** Answers the question on `text` about the image. */
export const visualQuestionAnswering: TaskInvoker = {
  type: 'visual-question-answering',
  async invoke(client, args) {
    if (args.cloudRoute === 'chat') return [textOutput(await chatReply(client, args, textInput(args.inputs), 'image'))];
    const inputs = { image: fileBlob(args.inputs, 'image'), question: textInput(args.inputs) };
    const answer = await client.visualQuestionAnswering({ ...route(args), inputs }, args.options);
    return [textOutput(answer.answer ?? '', answer)];
  },
};
