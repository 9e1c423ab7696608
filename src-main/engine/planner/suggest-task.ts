// "Did you mean ...?" for task names the registry does not know.
import { findTaskType, knownTaskNames, normalizeTaskName } from '../../../src-shared/tasks';

/** Edit distance between two strings (insertions, deletions, substitutions). */
export function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

/** Up to `limit` canonical task types closest to `name` (by its nearest type or alias). */
export function nearestTaskTypes(name: string, limit = 3): string[] {
  const wanted = normalizeTaskName(name).slice(0, 80);
  const best = new Map<string, number>();
  for (const known of knownTaskNames()) {
    const type = findTaskType(known)!.type;
    const distance = levenshtein(wanted, known);
    if (distance < (best.get(type) ?? Infinity)) best.set(type, distance);
  }
  return [...best.entries()]
    .sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))
    .slice(0, limit)
    .map(([type]) => type);
}
