// The client over Electron IPC: the preload's `window.studio`, one method per invoke channel.
import type { InvokeChannel } from '../../src-shared/contract';
import type { StudioPreloadApi } from '../../src-shared/preload-api';
import { resourceFileName } from '../../src-shared/resources';
import { toClientError, type StudioClient } from './transport';

/** What the preload exposes on `window.studio`. */
export type StudioBridge = Pick<StudioPreloadApi, InvokeChannel | 'subscribe'>;

/** A client over the preload bridge; resources load through the `hgs-resource:` protocol. */
export function createElectronClient(bridge: StudioBridge): StudioClient {
  return {
    kind: 'electron',
    async invoke(channel, req) {
      const call = bridge[channel] as (r: typeof req) => Promise<never>;
      try {
        return await call(req);
      } catch (error) {
        throw toClientError(error);
      }
    },
    on(channel, listener) {
      return bridge.subscribe(channel, listener);
    },
    resourceUrl(ref) {
      return `hgs-resource://r/${resourceFileName(ref)}`;
    },
  };
}
