// A StudioClient whose engine is a table of handlers, for the renderer's controller and store tests.
import type { EventChannel, EventMap, InvokeChannel, InvokeMap } from '../../src-shared/contract';
import { ClientError, type StudioClient } from '../../src-renderer/api/transport';

/** Sends an event to the client's listeners, as the engine would. */
export type Emit = <K extends EventChannel>(c: K, p: EventMap[K]) => void;

/** Answers one invoke channel; may emit events before answering. */
export type Handler = (req: any, emit: Emit) => unknown;

/**
 * A client answering each channel with its handler (a channel without one fails as `internal`); records every call in order.
 * @example const { client, calls, emit } = fakeClient({ 'conversation.plan': () => planResult() });
 */
export function fakeClient(handlers: Partial<Record<InvokeChannel, Handler>>) {
  const listeners = new Map<string, Set<(p: any) => void>>();
  const calls: { channel: string; req: any }[] = [];
  const emit = ((c: string, p: unknown) => listeners.get(c)?.forEach((l) => l(p))) as Emit;
  const client: StudioClient = {
    kind: 'websocket',
    async invoke<K extends InvokeChannel>(channel: K, req: InvokeMap[K]['req']) {
      calls.push({ channel, req });
      const h = handlers[channel];
      if (!h) throw new ClientError(`no ${channel}`, 'internal');
      return (await h(req, emit)) as InvokeMap[K]['res'];
    },
    on(channel, listener) {
      const set = listeners.get(channel) ?? new Set();
      listeners.set(channel, set);
      set.add(listener as (p: any) => void);
      return () => set.delete(listener as (p: any) => void);
    },
    resourceUrl: (r) => `/resources/${r.hash}.${r.ext}`,
  };
  return { client, calls, emit };
}
