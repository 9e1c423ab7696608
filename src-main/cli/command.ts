// The shape of one `hugginggpt` subcommand.
import type { OptionSpec, ParsedArgs } from './args';
import type { CliContext } from './context';

/** A subcommand: its usage line, its options, and what it does. Returns the exit code. */
export interface Command {
  name: string;
  usage: string;
  summary: string;
  options: OptionSpec;
  run(args: ParsedArgs, context: CliContext): Promise<number>;
}
