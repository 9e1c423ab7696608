// video-classification: no library function, so this POSTs the raw video bytes (Content-Type = the
// video's mime) to the model URL, as the hf-inference wire format does; reads [{label, score}].
import { InferenceError } from '../../../engine/inference';
import type { TaskInvoker } from '../invoker';
import { asLabelScores, fileInput, labelsOutput, rawPost } from '../wire';

/** Labels a video. */
export const videoClassification: TaskInvoker = {
  type: 'video-classification',
  async invoke(_client, args) {
    const answer = await rawPost(args, fileInput(args.inputs, 'video'));
    if (!('json' in answer)) throw new InferenceError('bad-output', 'Expected a JSON list of labels from the model.');
    return [labelsOutput(asLabelScores(answer.json))];
  },
};
