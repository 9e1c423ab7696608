// Readable names for the files a run produces (`task-1-image.png`), shared by the answer, the CLI and the app.
import type { TaskOutput } from './resources';

/** The extension of an output's file: the stored resource's, else its path's (without the dot). */
function extensionOf(output: Pick<TaskOutput, 'resource' | 'path'>): string {
  if (output.resource?.ext) return output.resource.ext;
  const match = /\.([A-Za-z0-9]{1,8})$/.exec(output.path ?? '');
  return match ? match[1].toLowerCase() : 'bin';
}

/**
 * The readable file name of one of a task's file outputs: task and modality, plus the port when the task
 * has two file outputs of the same modality.
 * @example outputFileName(1, { port: 'image', modality: 'image', resource }) // 'task-1-image.png'
 */
export function outputFileName(taskId: number, output: Pick<TaskOutput, 'port' | 'modality' | 'resource' | 'path'>, siblings: readonly Pick<TaskOutput, 'port' | 'modality'>[] = []): string {
  const clash = siblings.some((o) => o.port !== output.port && o.modality === output.modality);
  const safePort = output.port.replace(/[^A-Za-z0-9_-]+/g, '-');
  return `task-${taskId}-${output.modality}${clash ? `-${safePort}` : ''}.${extensionOf(output)}`;
}

/** Whether an output is a file (stored resource) rather than inline text. */
export const isFileOutput = (output: Pick<TaskOutput, 'resource' | 'path' | 'text'>): boolean =>
  output.text === undefined && (output.resource !== undefined || output.path !== undefined);
