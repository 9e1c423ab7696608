// `hugginggpt models`: the model catalog as the selector sees it
import { UsageError } from '../args';
import type { Command } from '../command';

export const modelsCommand: Command = {
  name: 'models',
  usage: 'hugginggpt models [--task TASK] [--json] [--refresh]',
  summary: 'the model catalog as the selector sees it',
  options: { json: { type: 'boolean' }, task: { type: 'string' }, refresh: { type: 'boolean' } },
  async run() {
    throw new UsageError('models is not built yet');
  },
};
