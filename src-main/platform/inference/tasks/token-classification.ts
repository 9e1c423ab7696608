// token-classification -> tokenClassification: JSON {inputs: text}; entities as `word: GROUP (score)` lines.
import type { TaskInvoker } from '../invoker';
import { route } from '../invoker';
import { textInput, textOutput } from '../wire';

/** Tags entities in text. */
export const tokenClassification: TaskInvoker = {
  type: 'token-classification',
  async invoke(client, args) {
    const entities = await client.tokenClassification({ ...route(args), inputs: textInput(args.inputs) }, args.options);
    const lines = entities.map((e) => `${e.word}: ${e.entity_group ?? (e as { entity?: string }).entity} (${e.score.toFixed(3)})`);
    return [textOutput(lines.join('\n') || '(no entities)', entities)];
  },
};
