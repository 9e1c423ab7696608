// The Electron glue's security settings, exercised with a stand-in for the `electron` module (no Electron
// binary on these machines): what the window is created with, what the session and web contents refuse.
import { describe, expect, it, vi } from 'vitest';

const created: Array<Record<string, any>> = [];
const opened: string[] = [];
const schemes: unknown[] = [];
const ipcHandlers = new Map<string, (event: unknown, req: unknown) => Promise<any>>();

vi.mock('electron', () => {
  class BrowserWindow {
    constructor(options: Record<string, any>) {
      created.push(options);
    }
    maximize() {}
    once() {}
    on() {}
    loadURL() { return Promise.resolve(); }
    loadFile() { return Promise.resolve(); }
  }
  return {
    BrowserWindow,
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    shell: { openExternal: (url: string) => void opened.push(url) },
    protocol: { registerSchemesAsPrivileged: (list: unknown[]) => void schemes.push(...list) },
    ipcMain: {
      handle: (channel: string, handler: (event: unknown, req: unknown) => Promise<any>) => void ipcHandlers.set(channel, handler),
      removeHandler: (channel: string) => void ipcHandlers.delete(channel),
    },
  };
});

const { createMainWindow } = await import('../../src-main/app/window');
const { applySessionSecurity, hardenWebContents } = await import('../../src-main/app/security');
const { registerResourceScheme } = await import('../../src-main/app/protocol');
const { registerIpcHandlers } = await import('../../src-main/app/ipc-main');

/** A web contents stand-in that records the handlers the glue installs. */
function fakeContents() {
  const handlers = new Map<string, (event: { preventDefault(): void }) => void>();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  return {
    on: (name: string, handler: (event: { preventDefault(): void }) => void) => void handlers.set(name, handler),
    setWindowOpenHandler: (handler: typeof openHandler) => void (openHandler = handler),
    /** Whether the handler for `name` prevents the default action. */
    prevents(name: string): boolean {
      let prevented = false;
      handlers.get(name)?.({ preventDefault: () => void (prevented = true) });
      return prevented;
    },
    open: (url: string) => openHandler!({ url }),
  };
}

describe('Electron glue', () => {
  it('creates the window isolated, sandboxed and without Node', () => {
    createMainWindow({ preloadPath: '/app/preload.cjs', renderer: { indexPath: '/app/index.html' }, statePath: '/nonexistent/window.json' });
    expect(created.at(-1)!.webPreferences).toMatchObject({
      preload: '/app/preload.cjs', contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false, webSecurity: true, allowRunningInsecureContent: false, webviewTag: false,
    });
  });

  it('refuses navigation, redirects, webviews and new windows; web links go to the OS browser', () => {
    const contents = fakeContents();
    hardenWebContents(contents as never);
    for (const name of ['will-navigate', 'will-redirect', 'will-attach-webview']) expect(contents.prevents(name), name).toBe(true);
    expect(contents.open('https://huggingface.co/docs')).toEqual({ action: 'deny' });
    expect(contents.open('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://huggingface.co/docs']);
  });

  it('puts its CSP on every response and denies every permission', () => {
    let onHeaders: ((details: any, callback: (r: any) => void) => void) | undefined;
    let onPermission: ((c: unknown, p: string, callback: (ok: boolean) => void) => void) | undefined;
    let onCheck: (() => boolean) | undefined;
    applySessionSecurity({
      webRequest: { onHeadersReceived: (h: typeof onHeaders) => void (onHeaders = h) },
      setPermissionRequestHandler: (h: typeof onPermission) => void (onPermission = h),
      setPermissionCheckHandler: (h: typeof onCheck) => void (onCheck = h),
    } as never, "default-src 'self'");
    let headers: Record<string, string[]> = {};
    onHeaders!({ responseHeaders: { 'content-security-policy': ['*'], 'X-Other': ['1'] } }, (r) => void (headers = r.responseHeaders));
    expect(headers).toEqual({ 'X-Other': ['1'], 'Content-Security-Policy': ["default-src 'self'"] });
    let granted: boolean | undefined;
    onPermission!({}, 'media', (ok) => void (granted = ok));
    expect(granted).toBe(false);
    expect(onCheck!()).toBe(false);
  });

  it('registers the resource scheme as a secure, standard, streaming scheme', () => {
    registerResourceScheme();
    expect(schemes).toEqual([{ scheme: 'hgs-resource', privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } }]);
  });

  it('answers IPC only from our own top-level page', async () => {
    const served: string[] = [];
    const handlers = { 'settings.get': async () => (served.push('settings.get'), { ok: true }) };
    const remove = registerIpcHandlers({ handlers: Promise.resolve(handlers as never), isTrustedUrl: (url) => url === 'app://index.html', openDataFolder: async () => {} });
    const call = (frame: unknown) => ipcHandlers.get('settings.get')!({ senderFrame: frame }, {});
    expect(await call({ url: 'app://index.html', parent: null })).toEqual({ ok: true, value: { ok: true } });
    expect(await call({ url: 'https://evil.example/', parent: null })).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(await call({ url: 'app://index.html', parent: {} })).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(await call(null)).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(served).toEqual(['settings.get']);
    remove();
    expect(ipcHandlers.size).toBe(0);
  });
});
