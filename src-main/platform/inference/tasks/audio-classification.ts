// audio-classification -> audioClassification: raw audio bytes; labels with scores.
import type { TaskInvoker } from '../invoker';
import { route } from '../invoker';
import { fileBlob, labelsOutput } from '../wire';

/** Labels audio. */
export const audioClassification: TaskInvoker = {
  type: 'audio-classification',
  async invoke(client, args) {
    const labels = await client.audioClassification({ ...route(args), inputs: fileBlob(args.inputs, 'audio') }, args.options);
    return [labelsOutput(labels)];
  },
};
