// The typed client over the contract: one interface, two transports (Electron preload, `serve` WebSocket).
import type { EventChannel, EventMap, InvokeChannel, InvokeMap } from '../../src-shared/contract';
import type { ResourceRef } from '../../src-shared/resources';

/** Stops listening to an event channel. */
export type Unsubscribe = () => void;

/** The renderer's only way to reach the engine. */
export interface StudioClient {
  /** Calls an invoke channel; rejects with a {@link ClientError}. */
  invoke<K extends InvokeChannel>(channel: K, req: InvokeMap[K]['req']): Promise<InvokeMap[K]['res']>;
  /** Listens to an event channel. */
  on<K extends EventChannel>(channel: K, listener: (payload: EventMap[K]) => void): Unsubscribe;
  /** The URL at which the renderer may load a stored resource. */
  resourceUrl(ref: Pick<ResourceRef, 'hash' | 'ext'>): string;
  /** How the client reaches the engine. */
  readonly kind: 'electron' | 'websocket';
}

/** An error that crossed the contract, with a kind the UI can act on. */
export class ClientError extends Error {
  readonly kind: string;
  constructor(message: string, kind: string) {
    super(message);
    this.name = 'ClientError';
    this.kind = kind;
  }
}

/** Turns anything thrown by a transport into a {@link ClientError}. */
export function toClientError(error: unknown): ClientError {
  if (error instanceof ClientError) return error;
  if (error && typeof error === 'object') {
    const e = error as { message?: unknown; kind?: unknown };
    const message = typeof e.message === 'string' ? stripIpcPrefix(e.message) : String(error);
    return new ClientError(message, typeof e.kind === 'string' ? e.kind : 'internal');
  }
  return new ClientError(String(error), 'internal');
}

// Electron prefixes rejected invoke errors with "Error invoking remote method '<channel>': ".
function stripIpcPrefix(message: string): string {
  return message.replace(/^Error invoking remote method '[^']+': (Error: )?/, '');
}
