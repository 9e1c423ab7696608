// Every `hugginggpt` subcommand, in the order `--help` lists them. A command's code is imported when it runs
// (a chunk of its own in the bundle), so `--help` and usage errors do not load the engine's libraries.
import type { Command, CommandRun, CommandSpec } from '../command';
import { EVAL, LLM, MODELS, PLAN, RUN, SERVE, WORKFLOW } from './specs';

/** A command whose module is imported on its first run. */
const lazy = (spec: CommandSpec, load: () => Promise<{ run: CommandRun }>): Command => ({
  ...spec,
  run: async (args, context) => (await load()).run(args, context),
});

export const COMMANDS: readonly Command[] = [
  lazy(PLAN, () => import('./plan')),
  lazy(RUN, () => import('./run')),
  lazy(WORKFLOW, () => import('./workflow')),
  lazy(MODELS, () => import('./models')),
  lazy(EVAL, () => import('./eval')),
  lazy(LLM, () => import('./llm')),
  lazy(SERVE, () => import('./serve')),
];
