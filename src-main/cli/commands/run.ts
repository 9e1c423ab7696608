// `hugginggpt run`: plan, select models, execute and answer (all four stages)
import { UsageError } from '../args';
import type { Command } from '../command';

export const runCommand: Command = {
  name: 'run',
  usage: 'hugginggpt run "<request>" [--json] [--yes] [--save-workflow FILE]',
  summary: 'plan, select models, execute and answer (all four stages)',
  options: { json: { type: 'boolean' }, yes: { type: 'boolean', short: 'y' }, 'save-workflow': { type: 'string' } },
  async run() {
    throw new UsageError('run is not built yet');
  },
};
