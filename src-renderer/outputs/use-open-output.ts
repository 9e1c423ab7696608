// Opens a task's output in the output viewer, from the canvas, the inspector or the chat.
import { useCallback } from 'react';
import type { TaskOutput } from '../../src-shared/resources';
import { useOpenDialog } from '../app/dialogs';
import { useStudioStore } from '../app/studio-context';

/** A function that opens output `port` of task `taskId` (its latest run) in the viewer. */
export function useOpenOutput(): (taskId: number, port: string) => void {
  const store = useStudioStore();
  const open = useOpenDialog();
  return useCallback((taskId, port) => {
    const s = store.getState();
    const outputs: TaskOutput[] = s.runs[taskId]?.outputs ?? [];
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
