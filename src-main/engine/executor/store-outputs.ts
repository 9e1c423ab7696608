// Raw model outputs become task outputs: text inline (capped), bytes stored in the resource store after a
// check that they are what the port says (model output is untrusted: an HTML error page is not an image).
import type { TaskOutput } from '../../../src-shared/resources';
import { InferenceError, type RawOutput, type ResourceStore } from '../inference';
import { fileFeedProblem, fileKindOfMime } from '../../../src-shared/file-kinds';

/** The longest text output kept (characters): more would flow into records, the cache and the next model. */
export const MAX_TEXT_OUTPUT_CHARS = 1_000_000;

/** `text` cut to MAX_TEXT_OUTPUT_CHARS, saying so at the end. */
export function capText(text: string): string {
  if (text.length <= MAX_TEXT_OUTPUT_CHARS) return text;
  return `${text.slice(0, MAX_TEXT_OUTPUT_CHARS)}\n[truncated: the model answered ${text.length.toLocaleString('en')} characters; the first ${MAX_TEXT_OUTPUT_CHARS.toLocaleString('en')} are kept]`;
}

/**
 * Whether stored bytes sniffed as `mime` may be the output of a `modality` port: text (an HTML or JSON error
 * page) or another media kind is refused; an unknown binary format is let through (the sniffer knows a few), and
 * an ISO media file (`ftyp`: m4a and mp4 alike) may be audio.
 */
function fitsPort(modality: RawOutput['modality'], mime: string): boolean {
  const kind = fileKindOfMime(mime);
  if (modality === 'table') return mime.startsWith('text/');
  if (modality === 'audio' && kind?.family === 'iso-bmff') return true;
  return fileFeedProblem(kind, modality) === undefined;
}

/**
 * Stores the binary outputs and returns every output by reference, with the stored file's path. Throws an
 * InferenceError `bad-output` when stored bytes are not of their port's modality (sniffed from the content).
 */
export async function storeOutputs(raw: RawOutput[], store: ResourceStore): Promise<TaskOutput[]> {
  return Promise.all(
    raw.map(async (output): Promise<TaskOutput> => {
      if (output.modality === 'text') return { port: output.port, modality: 'text', text: capText(output.text) };
      const resource = await store.put(output.bytes, output.mime ? { mime: output.mime } : undefined);
      if (!fitsPort(output.modality, resource.mime)) {
        throw new InferenceError('bad-output', `the model answered ${resource.mime} (${resource.size} bytes) where ${output.modality} was expected`, { retriable: false });
      }
      return { port: output.port, modality: output.modality, resource, path: store.pathOf(resource) };
    }),
  );
}
