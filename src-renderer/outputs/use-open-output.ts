// Opens a task's output in the output viewer, from the canvas, the inspector or the chat.
import { useCallback } from 'react';
import type { TaskOutput } from '../../src-shared/resources';
import { useOpenDialog } from '../app/dialogs';
import { useStudioStore } from '../app/studio-context';

/**
 * A function that opens output `port` of task `taskId` in the viewer: from `outputs` when given (an answer's
 * own copy of the media it described), else from the task's latest run.
 */
export function useOpenOutput(): (taskId: number, port: string, outputs?: TaskOutput[]) => void {
  const store = useStudioStore();
  const open = useOpenDialog();
  return useCallback((taskId, port, from) => {
    const s = store.getState();
    const outputs: TaskOutput[] = from ?? s.runs[taskId]?.outputs ?? [];
    const output = outputs.find((o) => o.port === port);
    const taskType = s.tasks.find((t) => t.id === taskId)?.task ?? 'task';
    if (output) open({ kind: 'output', viewed: { taskId, taskType, output, siblings: outputs } });
  }, [store, open]);
}

/** The task and port whose latest output is the stored file `hash`, if any. */
export function outputWithHash(runs: Record<number, { outputs: TaskOutput[] }>, hash: string): { taskId: number; output: TaskOutput } | undefined {
  for (const [id, run] of Object.entries(runs)) {
    const output = run.outputs.find((o) => o.resource?.hash === hash);
    if (output) return { taskId: Number(id), output };
  }
  return undefined;
}
