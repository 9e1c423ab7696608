// An in-memory CliIO for driving `runCli` in tests.
import type { CliIO } from '../../src-main/cli/io';

/** Captured CLI output plus the IO to hand to runCli. */
export interface CapturedIO {
  io: CliIO;
  stdout: () => string;
  stderr: () => string;
}

/** Makes a non-interactive CliIO that records what the CLI prints. */
export function captureIO(options: { cwd?: string; env?: NodeJS.ProcessEnv; answers?: boolean[] } = {}): CapturedIO {
  let out = '';
  let err = '';
  const answers = [...(options.answers ?? [])];
  return {
    io: {
      out: (t) => void (out += t),
      err: (t) => void (err += t),
      interactive: options.answers !== undefined,
      confirm: async () => answers.shift() ?? false,
      cwd: options.cwd ?? process.cwd(),
      env: options.env ?? {},
    },
    stdout: () => out,
    stderr: () => err,
  };
}
