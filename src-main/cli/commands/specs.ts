// What `hugginggpt --help` lists: each subcommand's name, usage line, summary and options, without the code
// that runs it. That code (and the engine's libraries it imports) loads only when its command runs, so help and
// usage errors answer at once.
import type { CommandSpec } from '../command';

export const PLAN: CommandSpec = {
  name: 'plan',
  usage: 'hugginggpt plan "<request>" [--json]',
  summary: 'stage 1 only: print the validated task plan',
  options: { json: { type: 'boolean' } },
};

export const RUN: CommandSpec = {
  name: 'run',
  usage: 'hugginggpt run "<request>" [--json] [--yes] [--out DIR] [--save-workflow FILE]',
  summary: 'plan, select models, execute and answer (all four stages)',
  options: { json: { type: 'boolean' }, yes: { type: 'boolean', short: 'y' }, out: { type: 'string' }, 'save-workflow': { type: 'string' } },
};

export const WORKFLOW: CommandSpec = {
  name: 'workflow',
  usage: 'hugginggpt workflow run <file> [--input NAME=VALUE]... [--out DIR] [--json]',
  summary: 'run a saved workflow with new inputs, without planning',
  options: { json: { type: 'boolean' }, input: { type: 'string', multiple: true }, out: { type: 'string' } },
};

export const MODELS: CommandSpec = {
  name: 'models',
  usage: 'hugginggpt models [--task TASK] [--json] [--refresh] [--sizes] [--download ID [--task TASK]] [--delete ID]',
  summary: 'the model catalog as the selector sees it',
  options: {
    json: { type: 'boolean' }, task: { type: 'string' }, refresh: { type: 'boolean' },
    sizes: { type: 'boolean' }, download: { type: 'string' }, delete: { type: 'string' },
  },
};

export const EVAL: CommandSpec = {
  name: 'eval',
  usage: 'hugginggpt eval <dataset.jsonl> [--predictions FILE] [--scoring paper|taskbench] [--canonical-names] [--json] [--report FILE] [--concurrency N]',
  summary: 'planning metrics against annotated requests',
  options: {
    json: { type: 'boolean' },
    predictions: { type: 'string' },
    report: { type: 'string' },
    concurrency: { type: 'string' },
    scoring: { type: 'string' },
    'canonical-names': { type: 'boolean' },
  },
};

export const LLM: CommandSpec = {
  name: 'llm',
  usage: 'hugginggpt llm [list | download [MODEL] | delete MODEL] [--json]',
  summary: 'the built-in LLM: list models with sizes, download one, delete one',
  options: { json: { type: 'boolean' } },
};

export const SERVE: CommandSpec = {
  name: 'serve',
  usage: 'hugginggpt serve [--port N]',
  summary: 'web bridge and the app in a browser, on 127.0.0.1',
  options: { port: { type: 'string' } },
};
