// The `hugginggpt` command: dispatches to a subcommand; bad usage exits 2 with a one-line reason.
import { createInterface } from 'node:readline/promises';
import { ConfigError } from '../service/settings/config-file';
import { parseCommandArgs, UsageError } from './args';
import type { Command } from './command';
import { COMMANDS } from './commands';
import { createContext } from './context';
import type { CliIO } from './io';

const COMMON_HELP = 'common options: --config FILE   --data-dir DIR   --help';

/** The top-level help text. */
export function helpText(): string {
  const width = Math.max(...COMMANDS.map((c) => c.usage.length));
  const lines = COMMANDS.map((c) => `  ${c.usage.padEnd(width)}  ${c.summary}`);
  return ['usage: hugginggpt <command> [options]', '', 'commands:', ...lines, '', COMMON_HELP, ''].join('\n');
}

function commandHelp(command: Command): string {
  return [`usage: ${command.usage}`, '', command.summary, COMMON_HELP, ''].join('\n');
}

/** Runs the CLI with `argv` (without node and script); resolves to the exit code. */
export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(helpText());
    return name ? 0 : 2;
  }
  const command = COMMANDS.find((c) => c.name === name);
  try {
    if (!command) throw new UsageError(`unknown command "${name}" (try: ${COMMANDS.map((c) => c.name).join(', ')})`);
    const args = parseCommandArgs(rest, command.options);
    if (args.values.help) {
      io.out(commandHelp(command));
      return 0;
    }
    return await command.run(args, createContext(args, io));
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError) {
      io.err(`hugginggpt: ${error.message}\n`);
      return 2;
    }
    io.err(`hugginggpt: ${error instanceof Error ? error.message : String(error)}\n`);
    if (io.env.HUGGINGGPT_DEBUG && error instanceof Error) io.err(`${error.stack}\n`);
    return 1;
  }
}

/** The process's real streams. */
export function processIO(): CliIO {
  return {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    interactive: Boolean(process.stdin.isTTY && process.stderr.isTTY),
    confirm: async (question) => {
      const rl = createInterface({ input: process.stdin, output: process.stderr });
      try {
        return /^y(es)?$/i.test((await rl.question(`${question} [y/N] `)).trim());
      } finally {
        rl.close();
      }
    },
    cwd: process.cwd(),
    env: process.env,
  };
}

/** Entry point of the built CLI. */
export async function main(): Promise<void> {
  process.exitCode = await runCli(process.argv.slice(2), processIO());
}
