// zero-shot-image-classification -> zeroShotImageClassification: JSON
// {inputs: {image: <base64>}, parameters: {candidate_labels}}; labels with scores.
import { InferenceError } from '../../../engine/inference';
import type { TaskInvoker } from '../invoker';
import { route } from '../invoker';
import { fileBlob, labelsOutput, optionalText, splitLabels } from '../wire';

/** Labels an image with the candidate labels on the `candidate_labels` port (comma-separated). */
export const zeroShotImageClassification: TaskInvoker = {
  type: 'zero-shot-image-classification',
  async invoke(client, args) {
    const labels = splitLabels(optionalText(args.inputs, 'candidate_labels') ?? '');
    if (labels.length === 0) throw new InferenceError('invalid-input', 'Zero-shot image classification needs candidate labels (comma-separated).');
    const result = await client.zeroShotImageClassification(
      { ...route(args), inputs: fileBlob(args.inputs, 'image'), parameters: { candidate_labels: labels } },
      args.options,
    );
    return [labelsOutput(result)];
  },
};
