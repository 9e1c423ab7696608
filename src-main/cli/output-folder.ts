// `--out DIR`: copies a run's files out of the content-addressed store under readable names (`task-1-image.png`).
import { copyFile, mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { isFileOutput, outputFileName } from '../../src-shared/output-names';
import type { PlanTask } from '../../src-shared/plan';
import { isSuccess } from '../../src-shared/run-events';
import type { RunOutcome } from '../engine/executor/types';

/** Where each written file went, keyed by `outputKey(taskId, port)`. */
export type WrittenOutputs = Map<string, string>;

/** The key of one task output in `WrittenOutputs`. */
export const outputKey = (taskId: number, port: string): string => `${taskId}:${port}`;

/** The folder `run` and `workflow run` write to: `--out DIR`, else `hugginggpt-<run id>` in the current folder. */
export function outputFolder(cwd: string, out: unknown, runId: string): string {
  return typeof out === 'string' && out.trim() ? resolve(cwd, out) : resolve(cwd, `hugginggpt-${runId}`);
}

/** Copies every file output of the finished tasks into `dir` (created only when there is a file to write). */
export async function writeReadableOutputs(dir: string, tasks: readonly PlanTask[], outcome: RunOutcome): Promise<WrittenOutputs> {
  const written: WrittenOutputs = new Map();
  for (const task of tasks) {
    const result = outcome.results[task.id];
    if (!result || !isSuccess(result.status)) continue;
    for (const output of result.outputs) {
      if (!output.path || !isFileOutput(output)) continue;
      if (written.size === 0) await mkdir(dir, { recursive: true });
      const target = join(dir, outputFileName(task.id, output, result.outputs));
      await copyFile(output.path, target);
      written.set(outputKey(task.id, output.port), target);
    }
  }
  return written;
}

/** The lines that tell the user where the files are (empty when there is none). */
export function describeWrittenOutputs(written: WrittenOutputs): string {
  return written.size ? `Files:\n${[...written.values()].map((p) => `  ${p}`).join('\n')}\n` : '';
}
