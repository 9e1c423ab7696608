// A plan's dependencies as the canvas names its edges: `source->target` (an edge's id is that, then `:port`
// when the target reads the source's output), for tests and benchmarks that check which edges are drawn.
import type { PlanTask } from '../../src-shared/plan';

/** One `source->target` pair per dependency of the plan. */
export const dependencyPairs = (plan: readonly PlanTask[]): string[] => plan.flatMap((t) => t.dep.filter((d) => d >= 0).map((d) => `${d}->${t.id}`));

/** The pairs whose both ends are among `ids` (node ids as the canvas writes them). */
export const pairsBetween = (pairs: readonly string[], ids: ReadonlySet<string>): string[] =>
  pairs.filter((pair) => pair.split('->').every((id) => ids.has(id)));
