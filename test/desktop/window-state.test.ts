import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildMenuTemplate } from '../../src-main/app/menu';
import { DEFAULT_WINDOW_STATE, fitToDisplays, loadWindowState, saveWindowState } from '../../src-main/app/window-state';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hgs-window-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const screen = [{ x: 0, y: 0, width: 1920, height: 1080 }];

describe('window state', () => {
  it('is remembered across runs', () => {
    const path = join(dir, 'window-state.json');
    saveWindowState(path, { x: 100, y: 50, width: 1000, height: 700, maximized: true });
    expect(loadWindowState(path)).toEqual({ x: 100, y: 50, width: 1000, height: 700, maximized: true });
  });

  it('falls back to the default for a missing or broken file', () => {
    expect(loadWindowState(join(dir, 'none.json'))).toEqual(DEFAULT_WINDOW_STATE);
    writeFileSync(join(dir, 'bad.json'), '{"width": "wide"');
    expect(loadWindowState(join(dir, 'bad.json'))).toEqual(DEFAULT_WINDOW_STATE);
    writeFileSync(join(dir, 'nosize.json'), '{"x": 1, "y": 2}');
    expect(loadWindowState(join(dir, 'nosize.json'))).toEqual(DEFAULT_WINDOW_STATE);
    expect(JSON.parse(readFileSync(join(dir, 'nosize.json'), 'utf8'))).toEqual({ x: 1, y: 2 });
  });

  it('drops a position that is on no display any more and keeps the size within the screen', () => {
    expect(fitToDisplays({ x: 3000, y: 100, width: 800, height: 600, maximized: false }, screen)).toEqual({ width: 800, height: 600, maximized: false });
    expect(fitToDisplays({ x: 10, y: 10, width: 5000, height: 100, maximized: false }, screen)).toEqual({ x: 10, y: 10, width: 1920, height: 480, maximized: false });
    const twoScreens = [...screen, { x: 1920, y: 0, width: 1280, height: 1024 }];
    expect(fitToDisplays({ x: 2000, y: 100, width: 800, height: 600, maximized: false }, twoScreens)).toMatchObject({ x: 2000, y: 100 });
  });
});

describe('application menu', () => {
  const labels = (isMac: boolean) => buildMenuTemplate({ appName: 'HuggingGPT Studio', isMac, isDev: false, openDataFolder: () => {} });
  const roles = (isMac: boolean): string[] =>
    JSON.stringify(labels(isMac)).match(/"role":"(\w+)"/g)!.map((r) => r.slice(8, -1));

  it('has the usual edit, view and window commands', () => {
    for (const role of ['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'zoomIn', 'zoomOut', 'resetZoom', 'togglefullscreen', 'minimize']) {
      expect(roles(false)).toContain(role);
    }
    expect(roles(true)).toEqual(expect.arrayContaining(['about', 'hide', 'quit', 'close', 'front']));
    expect(labels(false).map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Window']);
  });

  it('leaves Ctrl/Cmd+W to close the shown tab: closing the window takes Shift too', () => {
    for (const isMac of [false, true]) {
      const close = JSON.stringify(labels(isMac)).match(/\{"role":"close"[^}]*\}/)![0];
      expect(JSON.parse(close).accelerator).toBe(isMac ? 'Cmd+Shift+W' : 'Ctrl+Shift+W');
    }
  });

  it('offers developer tools only in development', () => {
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(JSON.stringify(buildMenuTemplate({ appName: 'x', isMac: false, isDev: true, openDataFolder: () => {} }))).toContain('toggleDevTools');
  });
});
