// The Electron glue cannot run here (no Electron binary): its security-relevant settings are checked in its source.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const appDir = join(__dirname, '../../src-main/app');
const source = (file: string): string => readFileSync(join(appDir, file), 'utf8');

/** All .ts files under a folder, recursively. */
const tsFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));

describe('Electron glue (static checks)', () => {
  it('creates the window with the secure webPreferences', () => {
    const window = source('window.ts');
    const prefs = window.slice(window.indexOf('webPreferences'));
    expect(prefs).toMatch(/contextIsolation:\s*true/);
    expect(prefs).toMatch(/sandbox:\s*true/);
    expect(prefs).toMatch(/nodeIntegration:\s*false/);
    expect(prefs).toMatch(/webSecurity:\s*true/);
    expect(prefs).toMatch(/webviewTag:\s*false/);
    expect(window).not.toMatch(/(contextIsolation|sandbox|webSecurity):\s*false|nodeIntegration:\s*true/);
  });

  it('touches ipcMain and ipcRenderer only in ipc-main.ts and preload.ts', () => {
    const root = join(__dirname, '../..');
    const offenders = [...tsFiles(join(root, 'src-main')), ...tsFiles(join(root, 'src-shared'))]
      .filter((f) => /\bipc(Main|Renderer)\b/.test(readFileSync(f, 'utf8').replace(/\/\/.*$/gm, '')))
      .map((f) => f.slice(root.length + 1));
    expect(offenders.sort()).toEqual(['src-main/app/ipc-main.ts', 'src-main/app/preload.ts']);
  });

  it('registers the resource scheme with the required privileges and denies navigation, windows and permissions', () => {
    expect(source('protocol.ts')).toMatch(/standard: true, secure: true, supportFetchAPI: true, stream: true/);
    const security = source('security.ts');
    expect(security).toMatch(/'will-navigate', \(event\) => event\.preventDefault\(\)/);
    expect(security).toMatch(/action: 'deny'/);
    expect(security).toMatch(/setPermissionRequestHandler\([^)]*\) => callback\(false\)\)/);
    expect(security).toMatch(/onHeadersReceived/);
  });

  it('checks every IPC sender and the main process wires the checks in', () => {
    expect(source('ipc-main.ts')).toMatch(/if \(!isTrustedEvent\(event, options\.isTrustedUrl\)\)/);
    const main = source('main.ts');
    for (const call of ['requestSingleInstanceLock', 'registerResourceScheme', 'applySessionSecurity', 'hardenWebContents', 'createTrustedSenderCheck', 'enableSandbox']) {
      expect(main).toContain(`${call}(`);
    }
  });

  it('keeps electron out of the modules tested in Node', () => {
    for (const file of ['resource-path.ts', 'trusted-sender.ts', 'window-state.ts', 'secret-file.ts']) {
      expect(source(file)).not.toMatch(/from 'electron'/);
    }
    expect(source('menu.ts')).toMatch(/import type \{[^}]*\} from 'electron'/);
  });
});
