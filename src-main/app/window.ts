// The main window: secure webPreferences, remembered size and position, our renderer page only.
import { BrowserWindow, screen } from 'electron';
import { fitToDisplays, loadWindowState, saveWindowState } from './window-state';
import type { RendererLocation } from './trusted-sender';

/** What the main window needs. */
export interface MainWindowOptions {
  preloadPath: string;
  renderer: RendererLocation;
  /** Where the window's size and position are remembered. */
  statePath: string;
}

/**
 * Creates and loads the main window.
 * @example createMainWindow({ preloadPath, renderer: { indexPath, devServerUrl }, statePath })
 */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const state = fitToDisplays(loadWindowState(options.statePath), screen.getAllDisplays().map((d) => d.workArea));
  const window = new BrowserWindow({
    ...state,
    minWidth: 640,
    minHeight: 480,
    show: false,
    title: 'HuggingGPT Studio',
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // Middle-click would otherwise ask for a new window (denied anyway by setWindowOpenHandler).
      disableBlinkFeatures: 'Auxclick',
    },
  });
  if (state.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  window.on('close', () => {
    try {
      saveWindowState(options.statePath, { ...window.getNormalBounds(), maximized: window.isMaximized() });
    } catch {
      // Losing the window's position is not worth stopping the app for.
    }
  });
  if (options.renderer.devServerUrl) void window.loadURL(options.renderer.devServerUrl);
  else void window.loadFile(options.renderer.indexPath);
  return window;
}
