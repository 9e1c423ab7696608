// The image a task read (an attachment or an upstream task's output): the output viewer shows it without boxes.
import { referencedIds } from '../../src-shared/plan';
import type { ResourceRef } from '../../src-shared/resources';
import type { StudioState } from '../store/studio-state';

/** The stored image that task `taskId`'s `image` argument names, if the renderer knows it. */
export function sourceImageOf(s: Pick<StudioState, 'tasks' | 'runs' | 'chat'>, taskId: number): ResourceRef | undefined {
  const value = s.tasks.find((t) => t.id === taskId)?.args.image;
  if (!value) return undefined;
  const [upstream] = referencedIds(value);
  if (upstream !== undefined) return s.runs[upstream]?.outputs.find((o) => o.modality === 'image' && o.resource)?.resource;
  const attachments = s.chat.flatMap((m) => m.attachments ?? []);
  return attachments.findLast((a) => a.name === value || value.endsWith(`/${a.name}`))?.resource;
}
