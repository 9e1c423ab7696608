// What a run shows and records (events, node results: messages, errors, attempted URLs) without credentials
// from endpoint URLs; model outputs are left as they are.
import { redactCredentials } from '../../../src-shared/redact-credentials';
import type { AttemptRecord, RunEventBody, TaskError } from '../../../src-shared/run-events';
import type { NodeResult } from './types';

const redactError = (error: TaskError): TaskError => ({
  ...error,
  message: redactCredentials(error.message),
  ...(error.bodyExcerpt !== undefined ? { bodyExcerpt: redactCredentials(error.bodyExcerpt) } : {}),
});

const redactAttempt = (attempt: AttemptRecord): AttemptRecord => ({
  ...attempt,
  url: redactCredentials(attempt.url),
  ...(attempt.error ? { error: redactError(attempt.error) } : {}),
});

/** An event body as it may be shown and recorded. */
export function redactEvent(body: RunEventBody): RunEventBody {
  switch (body.type) {
    case 'node-progress':
    case 'node-log':
      return { ...body, message: redactCredentials(body.message) };
    case 'node-skipped':
      return { ...body, reason: redactCredentials(body.reason) };
    case 'node-failed':
      return { ...body, error: redactError(body.error), attempts: body.attempts.map(redactAttempt) };
    case 'node-invalid':
      return { ...body, error: redactError(body.error) };
    default:
      return body;
  }
}

/** A node result as it may be shown, recorded and given to the LLM. */
export function redactResult(result: NodeResult): NodeResult {
  return { ...result, attempts: result.attempts.map(redactAttempt), ...(result.error ? { error: redactError(result.error) } : {}) };
}
