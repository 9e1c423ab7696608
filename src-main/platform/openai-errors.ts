// Every failure of an openai SDK call as an LlmError a user can act on.
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import type { Settings } from '../../src-shared/settings';
import { LlmError } from '../engine/chat-model';
import type { DeadlineReason } from './llm-call-deadline';

/** The innermost reason of a connection failure: a system error code, else its message. */
function connectionReason(error: unknown): string | undefined {
  let reason: string | undefined;
  for (let e: any = (error as any)?.cause, depth = 0; e && depth < 5; e = e.cause, depth++) {
    if (typeof e.code === 'string') return e.code === 'ECONNREFUSED' ? 'connection refused' : e.code;
    if (typeof e.message === 'string' && e.message) reason = e.message;
  }
  return reason;
}

/** The server's own words from an APIError: its JSON `error.message`, or its plain-text body. */
export function serverDetail(error: APIError): string {
  const body = error.error as any;
  if (typeof body?.message === 'string') return body.message;
  if (typeof body === 'string' && body) return body.slice(0, 300);
  return error.message;
}

/** Maps any failure of a call to an LlmError; `aborted` says which deadline (if any) ended it. */
export function toLlmError(error: unknown, llm: Settings['llm'], aborted: DeadlineReason | undefined): LlmError {
  if (error instanceof LlmError) return error;
  const where = `the LLM at ${llm.baseURL}`;
  if (aborted === 'cancelled') return new LlmError('cancelled', 'the LLM call was cancelled');
  if (aborted === 'idle') return new LlmError('timeout', `${where} stopped sending its answer for ${llm.timeoutMs} ms`);
  if (aborted === 'total') return new LlmError('timeout', `${where} did not finish its answer within ${llm.deadlineMs} ms`);
  if (error instanceof APIUserAbortError || (error instanceof Error && error.name === 'AbortError')) {
    return new LlmError('timeout', `${where} did not answer in time`);
  }
  if (error instanceof APIConnectionTimeoutError) return new LlmError('timeout', `${where} did not answer within ${llm.timeoutMs} ms`);
  if (error instanceof APIConnectionError) {
    const reason = connectionReason(error);
    return new LlmError('network', `cannot reach ${where}${reason ? `: ${reason}` : ''}`);
  }
  if (error instanceof APIError && error.status !== undefined) {
    const detail = serverDetail(error);
    const status = error.status;
    if (status === 401 || status === 403) return new LlmError('auth', `${where} refused the API key (HTTP ${status}): ${detail}`, status);
    if (status === 429) return new LlmError('rate-limited', `${where} is rate-limiting requests (HTTP 429): ${detail}`, status);
    if (status === 400 || status === 404 || status === 422) return new LlmError('bad-request', `${where} rejected the request (HTTP ${status}): ${detail}`, status);
    return new LlmError('http', `${where} failed (HTTP ${status}): ${detail}`, status);
  }
  return new LlmError('http', `${where} failed: ${error instanceof Error ? error.message : String(error)}`);
}
