// text-classification -> textClassification: JSON {inputs: text}; labels with scores, best first.
import type { TaskInvoker } from '../invoker';
import { route } from '../invoker';
import { labelsOutput, textInput } from '../wire';

/** Labels text (sentiment, topic). */
export const textClassification: TaskInvoker = {
  type: 'text-classification',
  async invoke(client, args) {
    const labels = await client.textClassification({ ...route(args), inputs: textInput(args.inputs) }, args.options);
    return [labelsOutput(labels)];
  },
};
