// audio-to-audio -> audioToAudio: raw audio bytes; [{label, content-type, blob: <base64>}] read as the
// first returned track (the labels of all tracks go to the log-friendly data).
import { InferenceError } from '../../../engine/inference';
import type { TaskInvoker } from '../invoker';
import { route } from '../invoker';
import { fileBlob, fromBase64 } from '../wire';

/** Transforms audio (enhancement, source separation). */
export const audioToAudio: TaskInvoker = {
  type: 'audio-to-audio',
  async invoke(client, args) {
    const tracks = await client.audioToAudio({ ...route(args), inputs: fileBlob(args.inputs, 'audio') }, args.options);
    const first = tracks[0] as { label: string; blob: string; 'content-type': string } | undefined;
    if (!first) throw new InferenceError('bad-output', 'The model returned no audio.');
    return [{ port: 'audio', modality: 'audio', bytes: fromBase64(first.blob), mime: first['content-type'] }];
  },
};
