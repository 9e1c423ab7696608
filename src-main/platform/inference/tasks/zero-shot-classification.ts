// zero-shot-classification -> zeroShotClassification: JSON {inputs: text, parameters: {candidate_labels}}.
import { InferenceError } from '../../../engine/inference';
import type { TaskInvoker } from '../invoker';
import { route } from '../invoker';
import { labelsOutput, optionalText, splitLabels, textInput } from '../wire';

/** Labels text with the candidate labels given on the `candidate_labels` port (comma-separated). */
export const zeroShotClassification: TaskInvoker = {
  type: 'zero-shot-classification',
  async invoke(client, args) {
    const labels = splitLabels(optionalText(args.inputs, 'candidate_labels') ?? '');
    if (labels.length === 0) throw new InferenceError('invalid-input', 'Zero-shot classification needs candidate labels (comma-separated).');
    const result = await client.zeroShotClassification(
      { ...route(args), inputs: textInput(args.inputs), parameters: { candidate_labels: labels } },
      args.options,
    );
    return [labelsOutput(result)];
  },
};
