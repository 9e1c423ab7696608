// A StudioClient whose engine is a table of handlers, for the renderer's controller tests.
import type { EventChannel, EventMap, InvokeChannel, InvokeMap } from '../../src-shared/contract';
import { ClientError, type StudioClient } from '../../src-renderer/api/transport';

/** Pushes an engine event to the client's listeners. */
export type Emit = <K extends EventChannel>(c: K, p: EventMap[K]) => void;
/** One channel's handler: answers a request, may emit events. */
export type Handler = (req: any, emit: Emit) => unknown;

/** A client whose engine is a table of handlers; records every call in order. */
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
