// Which task types can run with the current settings, for the editor's task palette (one call for all types).
import type { TaskAvailability } from '../../../src-shared/contract';
import type { Settings } from '../../../src-shared/settings';
import { TASK_TYPES } from '../../../src-shared/tasks';
import type { CatalogModel } from './catalog-model';
import { rankCandidates, unavailableReason } from './candidates';

/** The availability of every task type: its candidates as stage 2 ranks them, or the selector's reason for none. */
export function taskAvailability(catalog: CatalogModel[], settings: Settings): TaskAvailability[] {
  return TASK_TYPES.map((spec) => {
    const byLlm = Boolean(settings.selection.llmDoesTextTasks && spec.llmCapable);
    const candidates = rankCandidates(spec.type, catalog, settings).length;
    return { task: spec.type, candidates, byLlm, ...(candidates || byLlm ? {} : { reason: unavailableReason(spec.type, catalog, settings) }) };
  });
}
