// Secure defaults for every session and web contents: CSP header, no permissions, no navigation, no new windows.
import { shell, type Session, type WebContents } from 'electron';
import { isExternalWebUrl } from './trusted-sender';

/**
 * Adds the CSP to every response and denies every permission request and check.
 * @example applySessionSecurity(session.defaultSession, contentSecurityPolicy())
 */
export function applySessionSecurity(session: Session, csp: string): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers = { ...details.responseHeaders };
    for (const name of Object.keys(headers)) if (name.toLowerCase() === 'content-security-policy') delete headers[name];
    callback({ responseHeaders: { ...headers, 'Content-Security-Policy': [csp] } });
  });
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/**
 * Denies navigation away from the page, new windows (web links open in the OS browser instead) and webviews.
 * @example app.on('web-contents-created', (_event, contents) => hardenWebContents(contents))
 */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalWebUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}
