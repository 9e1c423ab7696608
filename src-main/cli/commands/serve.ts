// `hugginggpt serve`: the app in a browser, with the engine behind a WebSocket on 127.0.0.1.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtFile } from '../../platform/built-file';
import { createStudioRuntime } from '../../service/studio-runtime';
import { intOption, UsageError, type ParsedArgs } from '../args';
import { startWebBridge, type WebBridge } from '../web-bridge';
import type { CliContext } from '../context';

const DEFAULT_PORT = 7878;

/** The built renderer: out/renderer beside out/main (where it should be when it is not built yet). */
function rendererDir(env: NodeJS.ProcessEnv): string {
  if (env.HUGGINGGPT_RENDERER_DIR) return env.HUGGINGGPT_RENDERER_DIR;
  return dirname(builtFile(import.meta.url, '../renderer/index.html') ?? fileURLToPath(new URL('../../renderer/index.html', import.meta.url)));
}

/** Runs `hugginggpt serve` (its usage and options: specs.ts). */
export async function run(args: ParsedArgs, context: CliContext): Promise<number> {
  const port = intOption(args.values.port, 'port') ?? DEFAULT_PORT;
  if (port < 0 || port > 65535) throw new UsageError(`--port must be between 0 and 65535, got ${port}`);
  const settingsStore = context.settingsStore();
  const root = rendererDir(context.io.env);
  if (!existsSync(join(root, 'index.html'))) throw new UsageError(`the app is not built (no ${join(root, 'index.html')}): run "npm run build"`);
  // Events may only flow once the bridge exists; the runtime is created first because the bridge serves it.
  const events: { bridge?: WebBridge } = {};
  const handlers = await createStudioRuntime({ dataDir: context.dataDir, settingsStore, emit: (channel, payload) => events.bridge?.emit(channel, payload) });
  const log = (message: string) => context.io.err(`warning: ${message}\n`);
  const bridge = (events.bridge = await startWebBridge({ port, rendererDir: root, resourcesDir: join(context.dataDir, 'resources'), handlers, log }));
  // The address carries this launch's token: only whoever sees this line can open the app.
  context.io.err(`listening on ${bridge.url}\n`);
  // The load notices were printed when the settings were opened.
  for (const warning of settingsStore.warnings.filter((w) => !settingsStore.loadNotices?.includes(w))) context.io.err(`warning: ${warning}\n`);
  // main() turns SIGINT/SIGTERM into io.signal; without one (embedded use) serve runs until the process ends.
  await new Promise<void>((resolve) => context.io.signal?.addEventListener('abort', () => resolve(), { once: true }));
  await bridge.close();
  return 0;
}
