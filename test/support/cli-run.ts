// Runs `hugginggpt` in-process the way the CLI tests do: a config file, a fresh data folder, a folder to run in,
// no environment, and everything it printed captured.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src-main/cli/main';
import { captureIO } from './cli-io';

/** One finished command: its exit code, what it printed and the data folder it used. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  dataDir: string;
  /** stdout as the one JSON document `--json` prints. */
  json(): any;
}

/** Writes `settings` as a config file in `folder` (as `name`) and returns its path. */
export function writeConfig(folder: string, settings: unknown, name = 'config.json'): string {
  const path = join(folder, name);
  writeFileSync(path, JSON.stringify(settings));
  return path;
}

/** Runs `hugginggpt <args> --config <config> --data-dir <dataDir, or a new folder>` in `cwd`. */
export async function runHugginggpt(args: string[], options: { cwd: string; config: string; dataDir?: string; signal?: AbortSignal }): Promise<CliRun> {
  const cap = captureIO({ cwd: options.cwd, env: {} });
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'hgs-data-'));
  const code = await runCli([...args, '--config', options.config, '--data-dir', dataDir], { ...cap.io, signal: options.signal });
  return { code, stdout: cap.stdout(), stderr: cap.stderr(), dataDir, json: () => JSON.parse(cap.stdout()) };
}
