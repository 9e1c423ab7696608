// "Did you mean ...?" for task names the registry does not know.
import { editDistance } from '../../../src-shared/edit-distance';
import { findTaskType, knownTaskNames, normalizeTaskName } from '../../../src-shared/tasks';

/** Up to `limit` canonical task types closest to `name` (by its nearest type or alias). */
export function nearestTaskTypes(name: string, limit = 3): string[] {
  const wanted = normalizeTaskName(name).slice(0, 80);
  const best = new Map<string, number>();
  for (const known of knownTaskNames()) {
    const type = findTaskType(known)!.type;
    const distance = editDistance(wanted, known);
    if (distance < (best.get(type) ?? Infinity)) best.set(type, distance);
  }
  return [...best.entries()]
    .sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))
    .slice(0, limit)
    .map(([type]) => type);
}
