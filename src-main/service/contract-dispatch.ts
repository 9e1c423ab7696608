// The one dispatch of contract calls, used by Electron IPC and the `serve` WebSocket alike: the channel must
// exist, the request must pass its schema, and every failure comes back as a value { message, kind }.
import { INVOKE_CHANNELS, type InvokeChannel, type StudioHandlers } from '../../src-shared/contract';
import { describeRequestProblem, REQUEST_SCHEMAS } from '../../src-shared/contract-schemas';
import type { IpcEnvelope } from '../../src-shared/preload-api';
import { toContractError } from '../../src-shared/contract-error';

/** True for the name of an invoke channel. */
export const isInvokeChannel = (value: unknown): value is InvokeChannel => (INVOKE_CHANNELS as readonly unknown[]).includes(value);

/**
 * Validates and runs one call; never throws. An unknown channel is `bad-request`, a malformed request
 * `invalid-request` naming the field, a handler failure its own kind.
 * @example await dispatchContractCall(handlers, 'runs.get', { runId })
 */
export async function dispatchContractCall(handlers: StudioHandlers | Promise<StudioHandlers>, channel: unknown, request: unknown): Promise<IpcEnvelope<unknown>> {
  if (!isInvokeChannel(channel)) {
    return { ok: false, error: { message: `unknown method "${String(channel).slice(0, 100)}"`, kind: 'bad-request' } };
  }
  const parsed = REQUEST_SCHEMAS[channel].safeParse(request);
  if (!parsed.success) {
    return { ok: false, error: { message: `invalid request for ${channel}: ${describeRequestProblem(parsed.error)}`, kind: 'invalid-request' } };
  }
  try {
    const handler = (await handlers)[channel] as (req: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    return { ok: false, error: toContractError(error) };
  }
}
