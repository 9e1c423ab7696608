// `hugginggpt serve`: web bridge and the app in a browser, on 127.0.0.1
import { UsageError } from '../args';
import type { Command } from '../command';

export const serveCommand: Command = {
  name: 'serve',
  usage: 'hugginggpt serve [--port N]',
  summary: 'web bridge and the app in a browser, on 127.0.0.1',
  options: { port: { type: 'string' } },
  async run() {
    throw new UsageError('serve is not built yet');
  },
};
