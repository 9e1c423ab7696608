// image-to-text. Chat route (vision-language models, how providers serve captioning today): chatCompletion
// with the image as a content part. Classic route (hf-inference, local servers): exactly what the library's
// imageToText sends (raw image bytes with the image's Content-Type), but the answer is read here:
// transformers-based servers answer [{generated_text}] while the library (4.13) accepts only {generated_text}.
import { InferenceError } from '../../../engine/inference';
import { CAPTION_PROMPT, chatReply } from '../chat-route';
import type { TaskInvoker } from '../invoker';
import { fileInput, rawPost, textOutput } from '../wire';

/** Captions an image. */
export const imageToText: TaskInvoker = {
  type: 'image-to-text',
  async invoke(client, args) {
    if (args.cloudRoute === 'chat') return [textOutput(await chatReply(client, args, CAPTION_PROMPT, 'image'))];
    const answer = await rawPost(args, fileInput(args.inputs, 'image'));
    const first = 'json' in answer ? (Array.isArray(answer.json) ? answer.json[0] : answer.json) : undefined;
    if (typeof first?.generated_text !== 'string') throw new InferenceError('bad-output', 'Expected {generated_text} from the captioning model.');
    return [textOutput(first.generated_text)];
  },
};
