// Lint: TypeScript rules plus the layering of DESIGN.md, enforced by import path.
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = ['node:*', 'fs', 'path', 'os', 'http', 'https', 'crypto', 'child_process', 'url', 'stream', 'util', 'events'];
const VENDOR_SDKS = ['openai', 'openai/*', '@huggingface/*', 'electron-store', 'conf', 'ws', 'pngjs', 'jpeg-js'];

/** A no-restricted-imports rule from groups of banned module patterns, each with the reason. */
const ban = (...groups) => ['error', { patterns: groups.map(([group, message]) => ({ group, message })) }];

const electronOnlyInApp = [['electron', 'electron/*'], 'Electron belongs in src-main/app only.'];
const rawIpc = {
  selector: "ImportSpecifier[imported.name=/^ipc(Main|Renderer)$/]",
  message: 'Raw ipcMain/ipcRenderer only in src-main/app/ipc-main.ts and src-main/app/preload.ts.',
};

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bench/results/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src-shared/**'],
    rules: {
      'no-restricted-imports': ban(
        [[...NODE_BUILTINS, 'electron', 'electron/*', 'react', 'react-dom', '@xyflow/*', ...VENDOR_SDKS], 'src-shared is pure TypeScript: it runs in main and renderer alike.'],
      ),
    },
  },
  {
    files: ['src-main/engine/**'],
    rules: {
      'no-restricted-imports': ban(
        electronOnlyInApp,
        [VENDOR_SDKS, 'The engine depends on interfaces; vendor SDKs live in src-main/platform.'],
        [['**/platform/**', '**/service/**', '**/app/**', '**/cli/**', 'react', 'react-dom'], 'The engine must not reach up into platform, service, app, cli or UI code.'],
      ),
    },
  },
  {
    files: ['src-main/platform/**'],
    rules: {
      'no-restricted-imports': ban(
        electronOnlyInApp,
        [['**/service/**', '**/app/**', '**/cli/**', '**/src-renderer/**'], 'Platform holds adapters behind the engine\'s interfaces: it must not reach up into service, app, cli or UI code.'],
      ),
    },
  },
  {
    files: ['src-main/service/**'],
    rules: {
      'no-restricted-imports': ban(
        electronOnlyInApp,
        [['**/app/**', '**/cli/**', '**/src-renderer/**'], 'The service layer is called by every transport (app, cli): it must not import them.'],
      ),
    },
  },
  {
    files: ['src-main/cli/**'],
    rules: { 'no-restricted-imports': ban(electronOnlyInApp, [['**/app/**', '**/src-renderer/**'], 'Only src-main/app is Electron glue.']) },
  },
  {
    files: ['src-renderer/**'],
    rules: {
      'no-restricted-imports': ban(
        [[...NODE_BUILTINS, 'electron', 'electron/*', ...VENDOR_SDKS], 'The renderer reaches the engine only through its typed client.'],
        [['**/src-main/**'], 'The renderer imports only src-shared and its own code.'],
      ),
    },
  },
  {
    files: ['src-main/**', 'src-renderer/**'],
    ignores: ['src-main/app/ipc-main.ts', 'src-main/app/preload.ts'],
    rules: { 'no-restricted-syntax': ['error', rawIpc] },
  },
  {
    files: ['test/**', 'bench/**', '*.config.*'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
