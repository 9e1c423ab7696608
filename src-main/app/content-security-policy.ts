// The renderer's Content-Security-Policy, as a header. Pure so it is tested in Node.
import { RESOURCE_SCHEME } from './resource-path';

/**
 * The CSP for our pages: only our own scripts, no plugins, no frames, no remote content; outputs through the
 * resource protocol. In development the Vite dev server needs inline scripts (React refresh) and its websocket.
 * @example contentSecurityPolicy({ devServerUrl: process.env.ELECTRON_RENDERER_URL })
 */
export function contentSecurityPolicy(options: { devServerUrl?: string } = {}): string {
  const resource = `${RESOURCE_SCHEME}:`;
  const dev = options.devServerUrl ? new URL(options.devServerUrl) : undefined;
  const devSocket = dev ? `ws://${dev.host}` : '';
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': dev ? ["'self'", "'unsafe-inline'"] : ["'self'"],
    // React Flow positions nodes with inline styles.
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:', resource],
    'media-src': ["'self'", 'blob:', resource],
    'connect-src': ["'self'", resource, ...(devSocket ? [devSocket] : [])],
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
