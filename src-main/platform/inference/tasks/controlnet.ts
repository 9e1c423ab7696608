// ControlNet task types (runtime 'local-only'): they run only on configured local endpoints.
//
// Wire format (what a local ControlNet server must speak; the model URL is `<endpoint>/models/<org>/<name>`):
//   `<kind>-control` (annotators: canny, depth, hed, mlsd, normal, openpose, seg)
//     POST <model URL>   Content-Type: <the image's mime, e.g. image/png>   body: the raw image bytes
//     -> 200 with the control map as image bytes (Content-Type image/png or image/jpeg)
//   `<kind>-text-to-image`
//     POST <model URL>   Content-Type: application/json
//     body: {"inputs": "<prompt>", "parameters": {"image": "<base64 of the control image>", "seed": <integer>}}
//     -> 200 with the generated image as bytes (Content-Type image/png or image/jpeg)
// Either answer may instead be JSON {"image": "<base64>"}; errors use the usual HTTP statuses.
import { InferenceError } from '../../../engine/inference';
import type { InvokeArgs, TaskInvoker } from '../invoker';
import { fileInput, imageFromAnswer, rawPost, seedParameter, textInput, toBase64 } from '../wire';

function requireLocal(type: string, args: InvokeArgs): void {
  if (!args.local) {
    throw new InferenceError('invalid-input', `${type} is a ControlNet task: it needs a local endpoint that serves the model; Hugging Face does not run it.`);
  }
}

/** The invoker of a ControlNet annotator (`canny-control`, ...): image in, control map out. */
export function controlAnnotator(type: string): TaskInvoker {
  return {
    type,
    async invoke(_client, args) {
      requireLocal(type, args);
      return [imageFromAnswer(await rawPost(args, fileInput(args.inputs, 'image')), 'image')];
    },
  };
}

/** The invoker of a ControlNet generator (`canny-text-to-image`, ...): control image + prompt in, image out. */
export function controlTextToImage(type: string): TaskInvoker {
  return {
    type,
    async invoke(_client, args) {
      requireLocal(type, args);
      const body = { inputs: textInput(args.inputs), parameters: { image: toBase64(fileInput(args.inputs, 'image').bytes), ...seedParameter(args.inputs) } };
      return [imageFromAnswer(await rawPost(args, { json: body }), 'image')];
    },
  };
}
