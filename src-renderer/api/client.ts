// Picks the transport: Electron's preload bridge when present, otherwise the `serve` WebSocket.
import { tokenInFragment } from '../../src-shared/bridge-protocol';
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
  return createWebSocketClient(`${scheme}//${location.host}/ws`, '/resources/', bridgeToken());
}

const TOKEN_KEY = 'hgs-bridge-token';

/**
 * The `serve` token: taken from the address `serve` printed (`#token=...`, then removed from the address bar),
 * kept for this tab only (sessionStorage is per origin, so per port).
 */
function bridgeToken(): string | undefined {
  const fromAddress = tokenInFragment(location.hash);
  if (fromAddress) {
    sessionStorage.setItem(TOKEN_KEY, fromAddress);
    history.replaceState(history.state, '', location.pathname + location.search);
  }
  return fromAddress ?? sessionStorage.getItem(TOKEN_KEY) ?? undefined;
}

export type { StudioClient, Unsubscribe } from './transport';
export { ClientError } from './transport';
