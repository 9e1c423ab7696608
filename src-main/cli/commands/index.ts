// Every `hugginggpt` subcommand, in the order `--help` lists them.
import type { Command } from '../command';
import { evalCommand } from './eval';
import { llmCommand } from './llm';
import { modelsCommand } from './models';
import { planCommand } from './plan';
import { runCommand } from './run';
import { serveCommand } from './serve';
import { workflowCommand } from './workflow';

export const COMMANDS: readonly Command[] = [planCommand, runCommand, workflowCommand, modelsCommand, evalCommand, llmCommand, serveCommand];
