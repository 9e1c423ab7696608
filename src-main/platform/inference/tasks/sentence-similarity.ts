// sentence-similarity -> sentenceSimilarity: JSON {inputs: {source_sentence: text1, sentences: [text2]}}.
import { InferenceError } from '../../../engine/inference';
import type { TaskInvoker } from '../invoker';
import { route } from '../invoker';
import { textInput, textOutput } from '../wire';

/** Scores how similar `text1` and `text2` are; the text is the score. */
export const sentenceSimilarity: TaskInvoker = {
  type: 'sentence-similarity',
  async invoke(client, args) {
    const inputs = { source_sentence: textInput(args.inputs, 'text1'), sentences: [textInput(args.inputs, 'text2')] };
    const scores = await client.sentenceSimilarity({ ...route(args), inputs }, args.options);
    const score = scores[0];
    if (typeof score !== 'number') throw new InferenceError('bad-output', 'The model returned no similarity score.');
    return [textOutput(`similarity: ${score.toFixed(3)}`, { score })];
  },
};
