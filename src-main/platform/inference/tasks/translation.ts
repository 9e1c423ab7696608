// translation -> translation: JSON {inputs: text}; reads translation_text (one or a list).
import type { TaskInvoker } from '../invoker';
import { route } from '../invoker';
import { textInput, textOutput } from '../wire';

/** Translates text (the model decides the language pair). */
export const translation: TaskInvoker = {
  type: 'translation',
  async invoke(client, args) {
    const result = await client.translation({ ...route(args), inputs: textInput(args.inputs) }, args.options);
    const list = Array.isArray(result) ? result : [result];
    return [textOutput(list.map((t) => t.translation_text).join('\n'))];
  },
};
