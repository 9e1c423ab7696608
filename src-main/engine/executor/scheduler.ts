// Drives one run's DAG: a node starts as soon as its dependencies succeed; a node that does not succeed
// takes its dependents with it (skipped) while independent branches go on. Cancellation of the run or of
// one node reaches the model call through its AbortSignal.
import type { NodeStatus, RunEventBody } from '../../../src-shared/run-events';
import type { EmitEvent } from './event-sink';
import { CallSlots } from './limiter';
import { defaultSleep } from './retry-policy';
import { cancellation, runNode, type NodeEnd, type NodeEnvironment } from './run-node';
import { isSuccess, RunState } from './run-state';
import { downstreamOf, isUpstream, type TaskGraph } from './task-graph';
import type { ExecuteInput, NodeResult } from './types';

const VERB: Partial<Record<NodeStatus, string>> = {
  failed: 'failed',
  invalid: 'was refused (invalid input)',
  cancelled: 'was cancelled',
  skipped: 'was skipped',
};

/** Runs the nodes of one graph; `run()` resolves when every node has its final result. */
export class Scheduler {
  readonly state: RunState;
  private readonly env: NodeEnvironment;
  private readonly controllers = new Map<number, AbortController>();
  private readonly writes = new Set<Promise<unknown>>();
  private readonly forcedIds: Set<number> | 'all';
  private readonly rerun: Set<number> | undefined;
  private runCancelled = false;
  private started = false;
  private finish: () => void = () => undefined;
  private readonly finished = new Promise<void>((resolve) => (this.finish = resolve));

  constructor(
    private readonly graph: TaskGraph,
    private readonly input: ExecuteInput,
    private readonly emit: EmitEvent,
    now: () => number,
  ) {
    this.state = new RunState(graph);
    const { execution, deps } = input;
    this.rerun = input.from ? downstreamOf(graph, input.from) : undefined;
    this.forcedIds = input.force === true ? 'all' : new Set([...(Array.isArray(input.force) ? input.force : []), ...(this.rerun ?? [])]);
    this.env = {
      input,
      runner: deps.runner,
      slots: new CallSlots(execution.maxParallel, execution.maxPerEndpoint),
      sleep: deps.sleep ?? defaultSleep,
      now,
      emit,
      timeoutMs: execution.timeoutMs,
      taskTimeoutMs: execution.taskTimeoutMs,
      retries: execution.retries,
      outputsOf: (id) => this.state.results.get(id)?.outputs,
      isUpstream: (id, ancestor) => isUpstream(graph, id, ancestor),
      forced: (id) => this.forcedIds === 'all' || this.forcedIds.has(id),
      track: (write) => {
        this.writes.add(write);
        void write.finally(() => this.writes.delete(write));
      },
    };
  }

  /** Whether the whole run was cancelled. */
  get cancelled(): boolean {
    return this.runCancelled;
  }

  /** Starts every node that can start and waits for all to end (and for cache writes). */
  async run(): Promise<void> {
    this.started = true;
    const { order, nodes } = this.graph;
    this.emit({ type: 'run-started', taskIds: [...order] });
    const early: number[] = [];
    for (const id of order) {
      const carried = this.carriedResult(id);
      const node = nodes.get(id)!;
      if (this.runCancelled) this.settle(id, cancellation(id));
      else if (carried) this.settle(id, carried);
      else if (node.problem) this.settle(id, invalidEnd(id, node.problem));
      else {
        this.emit({ type: 'node-queued', taskId: id });
        continue;
      }
      early.push(id);
    }
    for (const id of early) this.propagate(id);
    for (const id of order) if (this.state.isReady(id)) this.launch(id);
    if (this.state.allSettled) this.finish();
    await this.finished;
    while (this.writes.size > 0) await Promise.all([...this.writes]);
  }

  /** Cancels the run, or one node (its dependents are then skipped). */
  cancel(taskId?: number): void {
    if (taskId === undefined) {
      if (this.runCancelled || (this.started && this.state.allSettled)) return;
      this.runCancelled = true;
      if (!this.started) return;
      for (const id of this.graph.order) {
        if (!this.state.isLaunched(id)) this.settle(id, cancellation(id));
      }
      for (const controller of this.controllers.values()) controller.abort();
      if (this.state.allSettled) this.finish();
      return;
    }
    if (!this.started || this.state.isSettled(taskId) || !this.graph.nodes.has(taskId)) return;
    const controller = this.controllers.get(taskId);
    if (controller) return controller.abort();
    this.settle(taskId, cancellation(taskId));
    this.propagate(taskId);
    if (this.state.allSettled) this.finish();
  }

  /** A result reused from the earlier run, for tasks outside the `from` re-run. */
  private carriedResult(id: number): NodeEnd | undefined {
    if (!this.rerun || this.rerun.has(id)) return undefined;
    const previous = this.input.previousResults?.[id];
    if (!previous || previous.status === 'queued' || previous.status === 'running') return undefined;
    if (isSuccess(previous.status)) {
      const result: NodeResult = { ...previous, status: 'cached', attempts: [] };
      const event: RunEventBody = { type: 'node-cached', taskId: id, outputs: previous.outputs, model: previous.model ?? '', endpoint: previous.endpoint ?? '' };
      return { result, event };
    }
    return { result: previous, event: replayEvent(id, previous) };
  }

  private launch(id: number): void {
    if (this.state.isSettled(id) || !this.state.markLaunched(id)) return;
    const controller = new AbortController();
    this.controllers.set(id, controller);
    runNode(this.env, this.graph.nodes.get(id)!, controller.signal)
      .catch((error: unknown): NodeEnd => {
        const message = `internal error: ${error instanceof Error ? error.message : String(error)}`;
        const taskError = { kind: 'internal' as const, message, retriable: false };
        return { result: { status: 'failed', outputs: [], attempts: [], error: taskError }, event: { type: 'node-failed', taskId: id, error: taskError, attempts: [] } };
      })
      .then((end) => {
        this.controllers.delete(id);
        const final = controller.signal.aborted && end.result.status !== 'cancelled' ? cancellation(id, end.result) : end;
        this.settle(id, final);
        this.propagate(id);
        if (this.state.allSettled) this.finish();
      });
  }

  private settle(id: number, end: NodeEnd): void {
    if (this.state.settle(id, end.result)) this.emit(end.event);
  }

  /** After `id` settled: frees its dependents, or skips them (and theirs) when it did not succeed. */
  private propagate(id: number): void {
    const result = this.state.results.get(id)!;
    const dependents = this.graph.nodes.get(id)!.dependents;
    if (isSuccess(result.status)) {
      for (const next of dependents) {
        if (this.state.dependencyDone(next) && !this.state.isSettled(next)) this.launch(next);
      }
      return;
    }
    const reason = `upstream task ${id} ${VERB[result.status] ?? result.status}`;
    const stack = [...dependents];
    while (stack.length > 0) {
      const next = stack.pop()!;
      if (this.state.isSettled(next) || this.state.isLaunched(next)) continue;
      const status = this.runCancelled ? 'cancelled' : 'skipped';
      this.settle(next, status === 'cancelled' ? cancellation(next) : skippedEnd(next, reason));
      stack.push(...this.graph.nodes.get(next)!.dependents);
    }
  }
}

function invalidEnd(id: number, message: string): NodeEnd {
  const error = { kind: 'invalid-input' as const, message, retriable: false };
  return { result: { status: 'invalid', outputs: [], attempts: [], error }, event: { type: 'node-invalid', taskId: id, error } };
}

function skippedEnd(id: number, reason: string): NodeEnd {
  return { result: { status: 'skipped', outputs: [], attempts: [], reason }, event: { type: 'node-skipped', taskId: id, reason } };
}

/** The event that re-announces an earlier run's unsuccessful result. */
function replayEvent(id: number, previous: NodeResult): RunEventBody {
  const error = previous.error ?? { kind: 'internal' as const, message: 'failed in the earlier run', retriable: true };
  switch (previous.status) {
    case 'invalid': return { type: 'node-invalid', taskId: id, error };
    case 'skipped': return { type: 'node-skipped', taskId: id, reason: previous.reason ?? 'skipped in the earlier run' };
    case 'cancelled': return { type: 'node-cancelled', taskId: id };
    default: return { type: 'node-failed', taskId: id, error, attempts: previous.attempts };
  }
}
