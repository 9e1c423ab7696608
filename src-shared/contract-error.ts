// Turns any thrown value into the error shape that crosses the contract (no stack, a kind the UI can use).
import type { ContractError } from './contract';

/** The contract form of an error: its message and its `kind` when it has one. */
export function toContractError(error: unknown): ContractError {
  if (error instanceof Error) {
    const kind = (error as { kind?: unknown }).kind;
    return { message: error.message, kind: typeof kind === 'string' ? kind : 'internal' };
  }
  return { message: String(error), kind: 'internal' };
}

/** An error meant for the user, with a kind the UI can act on. */
export class StudioError extends Error {
  constructor(
    readonly kind: string,
    message: string,
  ) {
    super(message);
    this.name = 'StudioError';
  }
}

/** The message of any thrown value (an Error, or a contract error `{message, kind}` as the renderer gets it). */
export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (error && typeof error === 'object' && 'message' in error) return String((error as { message: unknown }).message);
  return String(error);
}
