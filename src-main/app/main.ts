// Electron entry (built to out/main/index.js): one instance, secure defaults, the engine wired to the IPC contract.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, Menu, session, shell } from 'electron';
import type { StudioHandlers } from '../../src-shared/contract';
import { openSettingsStore } from '../service/settings/open-settings-store';
import { createStudioRuntime } from '../service/studio-runtime';
import { contentSecurityPolicy } from './content-security-policy';
import { createEventForwarder, registerIpcHandlers } from './ipc-main';
import { buildMenuTemplate } from './menu';
import { registerResourceScheme, serveResources } from './protocol';
import { openSafeStorageSecrets } from './secrets';
import { applySessionSecurity, hardenWebContents } from './security';
import { openElectronStoreFile } from './settings-file';
import { createTrustedSenderCheck, type RendererLocation } from './trusted-sender';
import { createMainWindow } from './window';

const here = dirname(fileURLToPath(import.meta.url));
const renderer: RendererLocation = {
  indexPath: join(here, '../renderer/index.html'),
  // The dev server is trusted only in an unpackaged (development) app.
  devServerUrl: app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL,
};
let mainWindow: BrowserWindow | undefined;

const log = (message: string): void => console.error(`[hugginggpt-studio] ${message}`);

// Errors in main are logged, never fatal: calls from the UI get them back as messages.
process.on('uncaughtException', (error) => log(`uncaught: ${error.stack ?? error.message}`));
process.on('unhandledRejection', (reason) => log(`unhandled rejection: ${String(reason)}`));

/** Starts the engine: settings (secrets in the keychain), then the runtime the lead composes. */
async function startEngine(dataDir: string): Promise<StudioHandlers> {
  mkdirSync(dataDir, { recursive: true });
  const settingsStore = openSettingsStore({ dataDir, env: process.env, openFile: openElectronStoreFile, secrets: openSafeStorageSecrets(dataDir) });
  return createStudioRuntime({ dataDir, settingsStore, emit: createEventForwarder(() => mainWindow?.webContents) });
}

function showWindow(): void {
  if (!mainWindow || mainWindow.isDestroyed()) {
    mainWindow = createMainWindow({ preloadPath: join(here, '../preload/index.cjs'), renderer, statePath: join(app.getPath('userData'), 'window-state.json') });
    mainWindow.on('closed', () => (mainWindow = undefined));
    return;
  }
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

async function whenReady(): Promise<void> {
  const dataDir = app.getPath('userData');
  const openDataFolder = async (): Promise<void> => {
    const failure = await shell.openPath(dataDir);
    if (failure) throw new Error(`Could not open ${dataDir}: ${failure}`);
  };
  applySessionSecurity(session.defaultSession, contentSecurityPolicy({ devServerUrl: renderer.devServerUrl }));
  serveResources(session.defaultSession, join(dataDir, 'resources'));
  const handlers = startEngine(dataDir);
  handlers.catch((error: unknown) => log(`the engine did not start: ${error instanceof Error ? error.message : String(error)}`));
  registerIpcHandlers({ handlers, isTrustedUrl: createTrustedSenderCheck(renderer), openDataFolder, log });
  const isMac = process.platform === 'darwin';
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate({
    appName: app.name, isMac, isDev: !app.isPackaged, openDataFolder: () => void openDataFolder().catch((e: Error) => log(e.message)),
  })));
  showWindow();
  app.on('activate', () => BrowserWindow.getAllWindows().length === 0 && showWindow());
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.enableSandbox();
  registerResourceScheme();
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('second-instance', () => app.isReady() && showWindow());
  app.on('window-all-closed', () => process.platform !== 'darwin' && app.quit());
  app.whenReady().then(whenReady).catch((error: unknown) => log(`startup failed: ${String(error)}`));
}
