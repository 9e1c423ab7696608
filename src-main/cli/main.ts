// The `hugginggpt` command: dispatches to a subcommand; bad usage exits 2 with a one-line reason.
import { createInterface } from 'node:readline/promises';
import { redactCredentials } from '../../src-shared/redact-credentials';
import { ConfigError } from '../service/settings/config-error';
import { parseCommandArgs, UsageError } from './args';
import type { Command } from './command';
import { COMMANDS } from './commands';
import { STOPPED_EXIT_CODE, type CliIO } from './io';

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
    // The settings code loads with the command, not for help and usage errors.
    const { createContext } = await import('./context');
    return await command.run(args, createContext(args, io));
  } catch (error) {
    if (io.signal?.aborted) {
      io.err('hugginggpt: stopped\n');
      return STOPPED_EXIT_CODE;
    }
    if (error instanceof UsageError || error instanceof ConfigError) {
      io.err(`hugginggpt: ${error.message}\n`);
      return 2;
    }
    io.err(`hugginggpt: ${redactCredentials(error instanceof Error ? error.message : String(error))}\n`);
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

/**
 * Turns SIGINT and SIGTERM into a stop request: the first one aborts the returned signal (the command cancels
 * its work and prints what it has), a second one exits at once. `dispose` removes the handlers.
 */
export function stopOnSignals(
  exit: (code: number) => void = (code) => process.exit(code),
  err: (text: string) => void = (t) => void process.stderr.write(t),
): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController();
  const onSignal = (name: NodeJS.Signals) => {
    const code = name === 'SIGTERM' ? 143 : STOPPED_EXIT_CODE;
    if (controller.signal.aborted) return exit(code);
    err(`\nhugginggpt: stopping (${name}); send it again to quit at once\n`);
    controller.abort(new Error(`stopped by ${name}`));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    signal: controller.signal,
    dispose: () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}

/** Entry point of the built CLI. */
export async function main(): Promise<void> {
  const stop = stopOnSignals();
  try {
    process.exitCode = await runCli(process.argv.slice(2), { ...processIO(), signal: stop.signal });
  } finally {
    stop.dispose();
  }
}
