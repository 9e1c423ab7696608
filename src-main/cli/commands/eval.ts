// `hugginggpt eval`: planning metrics against annotated requests
import { UsageError } from '../args';
import type { Command } from '../command';

export const evalCommand: Command = {
  name: 'eval',
  usage: 'hugginggpt eval <dataset.jsonl> [--predictions FILE] [--json]',
  summary: 'planning metrics against annotated requests',
  options: { json: { type: 'boolean' }, predictions: { type: 'string' } },
  async run() {
    throw new UsageError('eval is not built yet');
  },
};
