// text2text-generation: the library has no function for it (and no provider serves it), so this POSTs
// the pipeline's wire format, JSON {"inputs": text}, to the model URL and reads [{generated_text}].
import { InferenceError } from '../../../engine/inference';
import type { TaskInvoker } from '../invoker';
import { rawPost, textInput, textOutput } from '../wire';

/** Rewrites text into other text (T5-style models). */
export const text2textGeneration: TaskInvoker = {
  type: 'text2text-generation',
  async invoke(_client, args) {
    const answer = await rawPost(args, { json: { inputs: textInput(args.inputs) } });
    const first = 'json' in answer ? (Array.isArray(answer.json) ? answer.json[0] : answer.json) : undefined;
    if (typeof first?.generated_text !== 'string') throw new InferenceError('bad-output', 'Expected [{generated_text}] from the model.');
    return [textOutput(first.generated_text)];
  },
};
