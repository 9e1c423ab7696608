// `hugginggpt plan`: stage 1 only: print the validated task plan
import { UsageError } from '../args';
import type { Command } from '../command';

export const planCommand: Command = {
  name: 'plan',
  usage: 'hugginggpt plan "<request>" [--json]',
  summary: 'stage 1 only: print the validated task plan',
  options: { json: { type: 'boolean' } },
  async run() {
    throw new UsageError('plan is not built yet');
  },
};
