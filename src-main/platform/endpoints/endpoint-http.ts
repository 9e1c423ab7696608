// HTTP mechanics the endpoint protocols share: the server's address, reading answers, classifying failures.
import type { Endpoint, ModelOnEndpoint } from '../../../src-shared/settings';
import { InferenceError } from '../../engine/inference';
import { httpFailure, toInferenceError } from '../inference/inference-errors';

/** The address calls go to: the model's own url, else the endpoint's, without trailing slashes. */
export function serverUrl(endpoint: Endpoint, entry?: ModelOnEndpoint): string {
  const url = entry?.url ?? endpoint.url;
  if (!url) throw new InferenceError('invalid-input', `Endpoint "${endpoint.name}" has no url.`, { retriable: false });
  return url.replace(/\/+$/, '');
}

/** A response body: parsed JSON when it is JSON, its text otherwise. */
export async function bodyOf(response: Response): Promise<unknown> {
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The JSON of a successful answer; an InferenceError classified by status (and body) otherwise. */
export async function jsonAnswer(response: Response): Promise<unknown> {
  const body = await bodyOf(response);
  if (!response.ok) throw httpFailure(response.status, body, response.headers);
  if (typeof body === 'string') throw new InferenceError('bad-output', `Expected JSON but the server answered: ${body.slice(0, 200)}`, { retriable: false });
  return body;
}

/** Runs one protocol exchange; anything it throws (network, abort, timeout, HTTP) becomes an InferenceError naming `where`. */
export async function classified<T>(where: string, signal: AbortSignal, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toInferenceError(error, { signal, where, secrets: [] });
  }
}
