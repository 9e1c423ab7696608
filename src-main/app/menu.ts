// The application menu: the usual roles and shortcuts. Only types come from electron, so it is tested in Node.
import type { MenuItemConstructorOptions } from 'electron';

/** What the menu needs from the app. */
export interface MenuOptions {
  appName: string;
  isMac: boolean;
  /** Development builds get reload and developer tools. */
  isDev: boolean;
  openDataFolder: () => void;
}

/**
 * The menu template (pass it to Menu.buildFromTemplate).
 * @example Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate({ appName, isMac, isDev, openDataFolder })))
 */
export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const appMenu: MenuItemConstructorOptions[] = options.isMac
    ? [{ label: options.appName, submenu: [{ role: 'about' }, { type: 'separator' }, { role: 'services' }, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { type: 'separator' }, { role: 'quit' }] }]
    : [];
  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      { label: 'Open Data Folder', click: options.openDataFolder },
      { type: 'separator' },
      // Cmd/Ctrl+W closes the shown tab (the renderer's shortcut), so closing the window takes Shift too.
      options.isMac ? { role: 'close', accelerator: 'Cmd+Shift+W' } : { role: 'quit', accelerator: 'Ctrl+Q' },
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'delete' }, { role: 'selectAll' }],
  };
  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      ...(options.isDev ? [{ role: 'reload' } as const, { role: 'toggleDevTools' } as const, { type: 'separator' } as const] : []),
      { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' },
    ],
  };
  const window: MenuItemConstructorOptions = {
    label: 'Window',
    submenu: options.isMac ? [{ role: 'minimize' }, { role: 'zoom' }, { type: 'separator' }, { role: 'front' }] : [{ role: 'minimize' }, { role: 'close', accelerator: 'Ctrl+Shift+W' }],
  };
  return [...appMenu, file, edit, view, window];
}
