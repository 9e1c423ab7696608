// Shared mechanics of the invokers: reading inputs, bytes <-> Blob, raw wire-format POSTs, reading outputs.
import { InferenceError, type InferenceInput, type RawOutput } from '../../engine/inference';
import type { InvokeArgs } from './invoker';
import { httpFailure } from './inference-errors';

/** The text on input port `port`; invalid-input when it is missing or not text. */
export function textInput(inputs: Record<string, InferenceInput>, port = 'text'): string {
  const input = inputs[port];
  if (!input || input.modality !== 'text') throw new InferenceError('invalid-input', `This task needs a text input "${port}".`);
  return input.text;
}

/** The optional text on input port `port`. */
export function optionalText(inputs: Record<string, InferenceInput>, port: string): string | undefined {
  const input = inputs[port];
  return input?.modality === 'text' && input.text.trim() ? input.text : undefined;
}

/** `{seed}` for the parameters of a generative task whose seed input is set (the executor always sets it). */
export function seedParameter(inputs: Record<string, InferenceInput>): { seed?: number } {
  const seed = optionalText(inputs, 'seed');
  return seed === undefined ? {} : { seed: Number(seed) };
}

/** The file (bytes + mime) on input port `port`; invalid-input when it is missing or text. */
export function fileInput(inputs: Record<string, InferenceInput>, port: string): { bytes: Uint8Array; mime: string } {
  const input = inputs[port];
  if (!input || input.modality === 'text') throw new InferenceError('invalid-input', `This task needs a file input "${port}".`);
  return { bytes: input.bytes, mime: input.mime };
}

/** The file on `port` as a Blob typed with its mime (the library sends the Blob's type as Content-Type). */
export function fileBlob(inputs: Record<string, InferenceInput>, port: string): Blob {
  const { bytes, mime } = fileInput(inputs, port);
  return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mime });
}

/** Splits a comma- or newline-separated list of labels. */
export const splitLabels = (text: string): string[] => text.split(/[,\n]/).map((s) => s.trim()).filter(Boolean);

/** Reads a Blob the library returned; bad-output for anything else. */
export async function blobBytes(value: unknown, what: string): Promise<{ bytes: Uint8Array; mime?: string }> {
  if (!(value instanceof Blob)) throw new InferenceError('bad-output', `The model did not return ${what} (got ${typeof value}).`);
  return { bytes: new Uint8Array(await value.arrayBuffer()), mime: value.type || undefined };
}

/** Decodes base64 (optionally a `data:` URL). */
export const fromBase64 = (text: string): Uint8Array => new Uint8Array(Buffer.from(text.replace(/^data:[^,]*,/, ''), 'base64'));

/** Encodes bytes as base64. */
export const toBase64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');

/** The answer to a raw POST: JSON, or bytes with their content type. */
export type RawAnswer = { json: unknown } | { bytes: Uint8Array; mime: string };

/**
 * POSTs to `args.rawUrl` in the Hugging Face wire format, with the same fetch (recording, signal) and
 * token the library would use: either raw bytes with their Content-Type, or a JSON body.
 */
export async function rawPost(args: InvokeArgs, body: { bytes: Uint8Array; mime: string } | { json: unknown }): Promise<RawAnswer> {
  const headers: Record<string, string> = { 'Content-Type': 'json' in body ? 'application/json' : body.mime };
  if (args.accessToken) headers.Authorization = `Bearer ${args.accessToken}`;
  const payload = 'json' in body ? JSON.stringify(body.json) : (body.bytes as Uint8Array<ArrayBuffer>);
  const response = await args.options.fetch(args.rawUrl, { method: 'POST', headers, body: payload, signal: args.signal });
  const type = response.headers.get('content-type') ?? '';
  if (!response.ok) {
    const text = await response.text();
    let parsed: unknown = text;
    try { parsed = JSON.parse(text); } catch { /* keep the text */ }
    throw httpFailure(response.status, parsed, response.headers);
  }
  if (type.startsWith('application/json')) {
    try {
      return { json: await response.json() };
    } catch {
      throw new InferenceError('bad-output', 'The model answered with malformed JSON.');
    }
  }
  return { bytes: new Uint8Array(await response.arrayBuffer()), mime: type.split(';')[0] || 'application/octet-stream' };
}

/**
 * Reads an image answer: raw image bytes, or JSON carrying a base64 image under one of `keys`
 * (e.g. depth-estimation's `depth`), possibly inside a one-element list.
 */
export function imageFromAnswer(answer: RawAnswer, port: string, keys: readonly string[] = ['image']): RawOutput {
  if ('bytes' in answer) {
    if (!answer.mime.startsWith('image/') && answer.mime !== 'application/octet-stream') {
      throw new InferenceError('bad-output', `Expected an image but the model answered ${answer.mime}.`);
    }
    return { port, modality: 'image', bytes: answer.bytes, mime: answer.mime };
  }
  const record = (Array.isArray(answer.json) ? answer.json[0] : answer.json) as Record<string, unknown> | undefined;
  const key = keys.find((k) => typeof record?.[k] === 'string');
  if (!record || !key) throw new InferenceError('bad-output', `Expected an image (${keys.join(' or ')}) in the model's answer.`);
  return { port, modality: 'image', bytes: fromBase64(record[key] as string) };
}

/** Checks that `value` is a list of `{label, score}`; bad-output otherwise. */
export function asLabelScores(value: unknown): Array<{ label: string; score: number }> {
  if (Array.isArray(value) && value.every((x) => typeof x?.label === 'string' && typeof x?.score === 'number')) return value;
  throw new InferenceError('bad-output', 'Expected a list of {label, score} from the model.');
}

/** A text output listing labels with scores, best first: `cat (0.981)`. */
export function labelsOutput(predictions: Array<{ label: string; score: number }>, port = 'text'): RawOutput {
  const sorted = [...predictions].sort((a, b) => b.score - a.score);
  return { port, modality: 'text', text: sorted.map((p) => `${p.label} (${p.score.toFixed(3)})`).join('\n'), data: sorted };
}

/** A plain text output. */
export const textOutput = (text: string, data?: unknown, port = 'text'): RawOutput =>
  ({ port, modality: 'text', text, ...(data === undefined ? {} : { data }) });
