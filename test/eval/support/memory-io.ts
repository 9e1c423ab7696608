// An in-memory CliIO for driving `runCli` in tests.
import type { CliIO } from '../../../src-main/cli/io';

/** A CliIO that records stdout and stderr; `env` is exactly what is given (nothing from the real process). */
export function memoryIO(cwd: string, env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { out: (t) => void out.push(t), err: (t) => void err.push(t), interactive: false, confirm: async () => false, cwd, env };
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
}
