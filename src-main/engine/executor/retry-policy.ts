// How long to wait before trying a failed call again, and how failures become typed task errors.
import { cancelledTaskError, type TaskError } from '../../../src-shared/run-events';
import { InferenceError } from '../inference';

/** The longest wait between two attempts, whatever the server asks for. */
export const MAX_RETRY_DELAY_MS = 60_000;
/** The first wait of the exponential backoff; doubled on each further attempt. */
export const BASE_RETRY_DELAY_MS = 1_000;

/**
 * The wait before attempt `attempt + 1`: a loading model's estimated time, a Retry-After, or
 * exponential backoff; always capped at MAX_RETRY_DELAY_MS.
 */
export function retryDelayMs(error: InferenceError, attempt: number): number {
  const asked = error.kind === 'loading' ? error.details.estimatedTimeMs : error.kind === 'rate-limited' ? error.details.retryAfterMs : undefined;
  const delay = asked !== undefined && asked >= 0 ? asked : BASE_RETRY_DELAY_MS * 2 ** (attempt - 1);
  return Math.min(delay, MAX_RETRY_DELAY_MS);
}

/** An InferenceError as a TaskError (the form events and records carry). */
export function toTaskError(error: InferenceError): TaskError {
  if (error.kind === 'cancelled') return cancelledTaskError();
  const out: TaskError = { kind: error.kind, message: error.message, retriable: error.retriable };
  if (error.details.status !== undefined) out.status = error.details.status;
  if (error.details.bodyExcerpt !== undefined) out.bodyExcerpt = error.details.bodyExcerpt;
  return out;
}

/** Any thrown value as an InferenceError; unexpected ones become `internal` (not retriable). */
export function asInferenceError(error: unknown): InferenceError {
  if (error instanceof InferenceError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new InferenceError('internal', `unexpected error: ${message}`, { retriable: false });
}

/** A wait that ends early when `signal` aborts. */
export function defaultSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
