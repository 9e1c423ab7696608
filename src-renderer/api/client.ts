// Picks the transport: Electron's preload bridge when present, otherwise the `serve` WebSocket.
import type { StudioPreloadApi } from '../../src-shared/preload-api';
import { createElectronClient } from './electron-client';
import type { StudioClient } from './transport';
import { createWebSocketClient } from './websocket-client';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent in a browser. */
    studio?: StudioPreloadApi;
  }
}

/** The one client for this window. */
export function createStudioClient(): StudioClient {
  if (window.studio) return createElectronClient(window.studio);
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return createWebSocketClient(`${scheme}//${location.host}/ws`);
}

export type { StudioClient, Unsubscribe } from './transport';
export { ClientError } from './transport';
