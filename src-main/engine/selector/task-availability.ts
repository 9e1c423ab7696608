// Which task types can run with the current settings, for the editor's task palette (one call for all types).
import type { TaskAvailability } from '../../../src-shared/contract';
import type { Settings } from '../../../src-shared/settings';
import { TASK_TYPES } from '../../../src-shared/tasks';
import type { CatalogModel } from './catalog-model';
import { taskCandidates, type TaskServed } from './servable-candidates';

/**
 * The availability of every task type: its candidates as selection starts from them (taskCandidates: ranked,
 * minus the cloud for a type no Inference Provider serves today), or selection's reason for none. The
 * per-model provider lookups happen at selection only (the palette makes no Hub call).
 */
export function taskAvailability(catalog: CatalogModel[], settings: Settings, availability?: TaskServed): TaskAvailability[] {
  return TASK_TYPES.map((spec) => {
    const byLlm = Boolean(settings.selection.llmDoesTextTasks && spec.llmCapable);
    const { candidates, reason } = taskCandidates(spec.type, catalog, settings, availability);
    return { task: spec.type, candidates: candidates.length, byLlm, ...(reason && !byLlm ? { reason } : {}) };
  });
}
