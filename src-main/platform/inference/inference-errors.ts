// Classifies failures of a model call (library errors, HTTP statuses, fetch and abort errors) as InferenceErrors.
import {
  InferenceClientHubApiError,
  InferenceClientInputError,
  InferenceClientProviderApiError,
  InferenceClientProviderOutputError,
} from '@huggingface/inference';
import { InferenceError } from '../../engine/inference';

/** What the runner knows about a call when it fails. */
export interface FailureContext {
  signal: AbortSignal;
  /** Where the call went, for messages: "endpoint local-vision" or "Hugging Face". */
  where: string;
  /** The last URL requested and the last response's headers (the library hides them). */
  lastUrl?: string;
  lastHeaders?: Headers;
  /** Strings that must never appear in messages or excerpts (the token). */
  secrets: readonly string[];
  /** Set for Inference Providers calls: the model and the provider chosen for it. */
  cloud?: { model: string; provider: string };
}

// What @huggingface/inference 4.13 throws (InferenceClientInputError) when the mapping offers no provider
// for the call (lib/getInferenceProviderMapping.ts, lib/makeRequestOptions.ts).
const NO_PROVIDER_MESSAGES = /No Inference Provider available|is not supported for task|not been able to find inference provider/i;

/**
 * A failed Inference Providers call: as toInferenceError, except that "no provider for this model" and a
 * provider's 404 (the model is not deployed there) become `no-provider`, so the executor moves on to
 * the next candidate instead of retrying or blaming the input.
 */
export function cloudFailure(error: unknown, ctx: FailureContext): InferenceError {
  const classified = toInferenceError(error, ctx);
  const model = ctx.cloud?.model ?? 'the model';
  if (error instanceof InferenceClientInputError && NO_PROVIDER_MESSAGES.test(error.message)) {
    return new InferenceError('no-provider', `${model} cannot run here: ${error.message}`, { retriable: false });
  }
  if (classified.details.status === 404) {
    const provider = ctx.cloud?.provider ?? 'its provider';
    return new InferenceError('no-provider', `${model} is not deployed on ${provider} (HTTP 404)`, { ...classified.details, retriable: false });
  }
  return classified;
}

const EXCERPT_CHARS = 500;

/** Seconds or an HTTP date in Retry-After, as milliseconds from now. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\s*\d+(\.\d+)?\s*$/.test(value)) return Math.round(Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** An HTTP failure classified by its status (503 loading, 429 rate limited, others `http`). */
export function httpFailure(status: number, body: unknown, headers?: Headers): InferenceError {
  const excerpt = (typeof body === 'string' ? body : JSON.stringify(body) ?? '').slice(0, EXCERPT_CHARS);
  const record = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const serverSays = typeof record.error === 'string' ? `: ${record.error}` : '';
  if (status === 503 && typeof record.estimated_time === 'number') {
    const estimatedTimeMs = Math.round(record.estimated_time * 1000);
    return new InferenceError('loading', `The model is loading (about ${Math.ceil(record.estimated_time)} s)`, { status, estimatedTimeMs, bodyExcerpt: excerpt });
  }
  if (status === 429) {
    const retryAfterMs = parseRetryAfter(headers?.get('retry-after'));
    return new InferenceError('rate-limited', `Rate limited${serverSays}`, { status, retryAfterMs, bodyExcerpt: excerpt });
  }
  const retriable = [502, 503, 504].includes(status);
  return new InferenceError('http', `HTTP ${status}${serverSays}`, { status, retriable, bodyExcerpt: excerpt });
}

/** True when the signal was aborted because of the per-call timeout rather than a cancellation. */
export function abortedByTimeout(signal: AbortSignal): boolean {
  const reason = signal.reason as { name?: unknown; kind?: unknown } | string | undefined;
  if (reason === 'timeout') return true;
  return typeof reason === 'object' && reason !== null && (reason.name === 'TimeoutError' || reason.kind === 'timeout');
}

function networkCode(error: unknown): string | undefined {
  let current: any = error;
  for (let depth = 0; current && depth < 4; depth++) {
    if (typeof current.code === 'string' && /^E[A-Z_]+$|^UND_ERR/.test(current.code)) return current.code;
    current = current.cause;
  }
  return error instanceof TypeError && /fetch failed/i.test(error.message) ? 'fetch failed' : undefined;
}

/** The error with every occurrence of `secrets` in its message and body excerpt replaced by "[redacted]". */
export function redactSecrets(error: InferenceError, secrets: readonly string[]): InferenceError {
  const clean = (s: string) => secrets.reduce((acc, secret) => (secret ? acc.split(secret).join('[redacted]') : acc), s);
  const details = { ...error.details, ...(error.details.bodyExcerpt ? { bodyExcerpt: clean(error.details.bodyExcerpt) } : {}) };
  return new InferenceError(error.kind, clean(error.message), details);
}

/** Turns anything a call threw into an InferenceError with a message naming where it happened. */
export function toInferenceError(error: unknown, ctx: FailureContext): InferenceError {
  return redactSecrets(classify(error, ctx), ctx.secrets);
}

function classify(error: unknown, ctx: FailureContext): InferenceError {
  if (ctx.signal.aborted) {
    return abortedByTimeout(ctx.signal)
      ? new InferenceError('timeout', `The call to ${ctx.where} timed out`)
      : new InferenceError('cancelled', `The call to ${ctx.where} was cancelled`);
  }
  if (error instanceof InferenceError) return withWhere(error, ctx);
  if (error instanceof InferenceClientProviderApiError || error instanceof InferenceClientHubApiError) {
    return withWhere(httpFailure(error.httpResponse.status, error.httpResponse.body, ctx.lastHeaders), ctx);
  }
  if (error instanceof InferenceClientProviderOutputError) return new InferenceError('bad-output', `${ctx.where} answered something unreadable: ${error.message}`);
  if (error instanceof InferenceClientInputError) return new InferenceError('invalid-input', error.message);
  const code = networkCode(error);
  if (code) return new InferenceError('network', `Cannot reach ${ctx.lastUrl ?? ctx.where} (${code})`);
  if ((error as Error)?.name === 'AbortError') return new InferenceError('cancelled', `The call to ${ctx.where} was aborted`);
  return new InferenceError('internal', `Unexpected error calling ${ctx.where}: ${(error as Error)?.message ?? String(error)}`);
}

function withWhere(error: InferenceError, ctx: FailureContext): InferenceError {
  if (error.kind === 'invalid-input' || error.kind === 'bad-output') return error;
  return new InferenceError(error.kind, `${error.message} (${ctx.where})`, error.details);
}
