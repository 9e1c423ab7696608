// The renderer's Content-Security-Policy: one policy for the desktop app (a response header set by the Electron
// glue) and the `serve` page (a header set by the web bridge). Pure so it is tested in Node.

/** The custom scheme the desktop app serves outputs under (`hgs-resource://r/<hash>.<ext>`). */
export const RESOURCE_SCHEME = 'hgs-resource';

/**
 * The CSP for our pages: only our own scripts, no plugins, no frames, no remote content, never framed; outputs
 * through the resource protocol (app) or `/resources/` (serve). In development the Vite dev server needs inline
 * scripts (React refresh) and its websocket; the `serve` page needs its own WebSocket.
 * @example contentSecurityPolicy({ devServerUrl: process.env.ELECTRON_RENDERER_URL })
 * @example contentSecurityPolicy({ bridgeHosts: ['127.0.0.1:7878', 'localhost:7878'] })
 */
export function contentSecurityPolicy(options: { devServerUrl?: string; bridgeHosts?: readonly string[] } = {}): string {
  const resource = `${RESOURCE_SCHEME}:`;
  const dev = options.devServerUrl ? new URL(options.devServerUrl) : undefined;
  const sockets = [...(dev ? [`ws://${dev.host}`] : []), ...(options.bridgeHosts ?? []).map((h) => `ws://${h}`)];
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': dev ? ["'self'", "'unsafe-inline'"] : ["'self'"],
    // React Flow positions nodes with inline styles.
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:', resource],
    'media-src': ["'self'", 'blob:', resource],
    'connect-src': ["'self'", resource, ...sockets],
    'font-src': ["'self'", 'data:'],
    'object-src': ["'none'"],
    'frame-src': ["'none'"],
    'worker-src': ["'self'", 'blob:'],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
    'frame-ancestors': ["'none'"],
  };
  return Object.entries(directives).map(([name, values]) => `${name} ${values.join(' ')}`).join('; ');
}
