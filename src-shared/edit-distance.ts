// Edit distance: the one implementation behind "did you mean" suggestions and the planning metrics.

/**
 * Levenshtein distance between two strings or sequences (insert, delete, substitute: cost 1 each).
 * @example editDistance('captoning', 'captioning') // 1
 */
export function editDistance<T>(a: ArrayLike<T>, b: ArrayLike<T>): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current.push(Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)));
    }
    previous = current;
  }
  return previous[b.length];
}
