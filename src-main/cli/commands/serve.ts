// `hugginggpt serve`: the app in a browser, with the engine behind a WebSocket on 127.0.0.1.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createStudioRuntime } from '../../service/studio-runtime';
import { openSettingsStore } from '../../service/settings/open-settings-store';
import { intOption, UsageError } from '../args';
import type { Command } from '../command';
import { startWebBridge, type WebBridge } from '../web-bridge';

const DEFAULT_PORT = 7878;

/** The built renderer: out/renderer beside out/main (where this file is bundled). */
function rendererDir(env: NodeJS.ProcessEnv): string {
  return env.HUGGINGGPT_RENDERER_DIR ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'renderer');
}

export const serveCommand: Command = {
  name: 'serve',
  usage: 'hugginggpt serve [--port N]',
  summary: 'web bridge and the app in a browser, on 127.0.0.1',
  options: { port: { type: 'string' } },
  async run(args, context) {
    const port = intOption(args.values.port, 'port') ?? DEFAULT_PORT;
    if (port < 0 || port > 65535) throw new UsageError(`--port must be between 0 and 65535, got ${port}`);
    const settings = context.settings();
    const root = rendererDir(context.io.env);
    if (!existsSync(join(root, 'index.html'))) throw new UsageError(`the app is not built (no ${join(root, 'index.html')}): run "npm run build"`);
    const configPath = typeof args.values.config === 'string' ? args.values.config : undefined;
    const settingsStore = openSettingsStore({ dataDir: context.dataDir, initial: configPath ? settings : undefined, env: context.io.env });
    // Events may only flow once the bridge exists; the runtime is created first because the bridge serves it.
    const events: { bridge?: WebBridge } = {};
    const handlers = await createStudioRuntime({ dataDir: context.dataDir, settingsStore, emit: (channel, payload) => events.bridge?.emit(channel, payload) });
    const bridge = (events.bridge = await startWebBridge({ port, rendererDir: root, resourcesDir: join(context.dataDir, 'resources'), handlers }));
    context.io.err(`listening on ${bridge.url}\n`);
    for (const warning of settingsStore.warnings) context.io.err(`warning: ${warning}\n`);
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await bridge.close();
    return 0;
  },
};
