// The state of one run: each node's result, how many dependencies it still waits for, and what is done.
import type { NodeStatus, RunSummary } from '../../../src-shared/run-events';
import type { TaskGraph } from './task-graph';
import type { NodeResult } from './types';

export { isSuccess } from '../../../src-shared/run-events';

/** Node results and counters for one run; every update is O(1). */
export class RunState {
  readonly results = new Map<number, NodeResult>();
  /** Dependencies each node still waits for. */
  private readonly waiting = new Map<number, number>();
  private readonly launched = new Set<number>();
  private settledCount = 0;

  constructor(readonly graph: TaskGraph) {
    for (const id of graph.order) this.waiting.set(id, graph.nodes.get(id)!.deps.length);
  }

  /** Whether the node has its final result. */
  isSettled(id: number): boolean {
    return this.results.has(id);
  }

  /** Records the final result; false if the node was already settled. */
  settle(id: number, result: NodeResult): boolean {
    if (this.results.has(id)) return false;
    this.results.set(id, result);
    this.settledCount += 1;
    return true;
  }

  /** One dependency of `id` succeeded; true when it no longer waits for any. */
  dependencyDone(id: number): boolean {
    const left = this.waiting.get(id)! - 1;
    this.waiting.set(id, left);
    return left === 0;
  }

  /** Whether `id` waits for no dependency. */
  isReady(id: number): boolean {
    return this.waiting.get(id) === 0;
  }

  /** Marks the node launched; false if it already was. */
  markLaunched(id: number): boolean {
    if (this.launched.has(id)) return false;
    this.launched.add(id);
    return true;
  }

  isLaunched(id: number): boolean {
    return this.launched.has(id);
  }

  /** Whether every node has its final result. */
  get allSettled(): boolean {
    return this.settledCount === this.graph.order.length;
  }

  /** The results keyed by task id, in plan order. */
  resultsRecord(): Record<number, NodeResult> {
    const out: Record<number, NodeResult> = {};
    for (const id of this.graph.order) {
      const result = this.results.get(id);
      if (result) out[id] = result;
    }
    return out;
  }

  /** Final counts and status: cancelled if the run was, failed if any node failed or was refused. */
  summary(durationMs: number, runCancelled: boolean): RunSummary {
    const counts: Partial<Record<NodeStatus, number>> = {};
    for (const result of this.results.values()) counts[result.status] = (counts[result.status] ?? 0) + 1;
    const status = runCancelled ? 'cancelled' : counts.failed || counts.invalid ? 'failed' : counts.cancelled ? 'cancelled' : counts.skipped ? 'failed' : 'succeeded';
    return { status, durationMs, counts };
  }
}
