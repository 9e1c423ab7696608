// Decides whether an IPC message comes from our own renderer page. Pure (no electron import) so it is tested in Node.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where our renderer is loaded from: the built index.html, or the dev server in development. */
export interface RendererLocation {
  /** Absolute path of out/renderer/index.html. */
  indexPath: string;
  /** process.env.ELECTRON_RENDERER_URL in development (never trusted in a packaged app). */
  devServerUrl?: string;
}

/** The origin of a dev server URL, or undefined when it is not a plain http(s) URL. */
function devOrigin(devServerUrl: string | undefined): string | undefined {
  if (!devServerUrl) return undefined;
  try {
    const url = new URL(devServerUrl);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Builds the check that a frame's URL is our renderer: `file://` of the built index.html (any hash or query),
 * or a page of the dev server's origin.
 * @example const trusted = createTrustedSenderCheck({ indexPath }); trusted(event.senderFrame?.url)
 */
export function createTrustedSenderCheck(location: RendererLocation): (frameUrl: string | undefined | null) => boolean {
  const indexPath = resolve(location.indexPath);
  const origin = devOrigin(location.devServerUrl);
  return (frameUrl) => {
    if (!frameUrl) return false;
    let url: URL;
    try {
      url = new URL(frameUrl);
    } catch {
      return false;
    }
    if (url.protocol === 'file:') {
      if (url.host !== '') return false;
      try {
        return resolve(fileURLToPath(url)) === indexPath;
      } catch {
        return false;
      }
    }
    return origin !== undefined && url.origin === origin;
  };
}

/** Whether a URL may be handed to the OS browser (links in answers): web pages only. */
export function isExternalWebUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (parsed.protocol === 'https:' || parsed.protocol === 'http:') && !parsed.username && !parsed.password;
  } catch {
    return false;
  }
}
