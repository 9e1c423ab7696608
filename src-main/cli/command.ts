// The shape of one `hugginggpt` subcommand: what help lists (its spec) and what runs it.
import type { OptionSpec, ParsedArgs } from './args';
import type { CliContext } from './context';

/** A subcommand as help lists it: its name, usage line, summary and options. */
export interface CommandSpec {
  name: string;
  usage: string;
  summary: string;
  options: OptionSpec;
}

/** Runs a subcommand; resolves to the exit code. */
export type CommandRun = (args: ParsedArgs, context: CliContext) => Promise<number>;

/** A subcommand: its spec, and what it does. */
export interface Command extends CommandSpec {
  run: CommandRun;
}
