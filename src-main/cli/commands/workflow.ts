// `hugginggpt workflow`: run a saved workflow with new inputs, without planning
import { UsageError } from '../args';
import type { Command } from '../command';

export const workflowCommand: Command = {
  name: 'workflow',
  usage: 'hugginggpt workflow run <file> [--input NAME=VALUE]... [--json]',
  summary: 'run a saved workflow with new inputs, without planning',
  options: { json: { type: 'boolean' }, input: { type: 'string', multiple: true } },
  async run() {
    throw new UsageError('workflow is not built yet');
  },
};
