// One call under a deadline: the signal the callee gets fires on cancellation and on the timeout.
import { InferenceError } from '../inference';

/** The error for a call stopped by the user. */
export const cancelledError = (): InferenceError => new InferenceError('cancelled', 'cancelled by the user', { retriable: false });

/**
 * Runs `call` with a signal that aborts when `cancel` fires or after `timeoutMs`. Settles as soon as
 * the signal fires even if the callee ignores it: a timeout becomes InferenceError `timeout`, a
 * cancellation InferenceError `cancelled`.
 */
export async function callWithDeadline<T>(
  call: (signal: AbortSignal) => Promise<T>,
  cancel: AbortSignal,
  timeoutMs: number,
  where: string,
): Promise<T> {
  if (cancel.aborted) throw cancelledError();
  const controller = new AbortController();
  let timedOut = false;
  const onCancel = () => controller.abort(cancelledError());
  cancel.addEventListener('abort', onCancel, { once: true });
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new InferenceError('timeout', `${where} did not answer within ${formatSeconds(timeoutMs)}`));
  }, timeoutMs);
  const stopped = new Promise<never>((_resolve, reject) => {
    controller.signal.addEventListener('abort', () => reject(controller.signal.reason), { once: true });
  });
  try {
    return await Promise.race([call(controller.signal), stopped]);
  } catch (error) {
    if (timedOut) throw controller.signal.reason;
    if (cancel.aborted) throw cancelledError();
    throw error;
  } finally {
    clearTimeout(timer);
    cancel.removeEventListener('abort', onCancel);
  }
}

/** `1.5 s`, `120 s`, `250 ms`. */
export function formatSeconds(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`;
}
