// Public types of the execution engine (stage 3): what executeGraph takes, returns and records.
import type { PlanTask, Usage } from '../../../src-shared/plan';
import type { TaskOutput } from '../../../src-shared/resources';
import type { RunEvent, RunSummary } from '../../../src-shared/run-events';
import type { Selections } from '../../../src-shared/selection';
import type { RecordedNode } from '../../../src-shared/library';
import type { Settings } from '../../../src-shared/settings';
import type { ResourceRef } from '../../../src-shared/resources';
import type { ChatModel } from '../chat-model';
import type { InferenceTarget, ModelRunner, ResourceStore } from '../inference';

/** Where one task runs: its primary target and, in hybrid mode, where to fall back when it fails. */
export interface TaskTargets {
  primary: InferenceTarget;
  fallback?: InferenceTarget;
}

/** Waits `ms` milliseconds, or less when `signal` aborts (it then resolves early). Injectable for tests. */
export type Sleep = (ms: number, signal: AbortSignal) => Promise<void>;

/** The services a run uses; all but the runner and the store are optional. */
export interface ExecuteDeps {
  runner: ModelRunner;
  store: ResourceStore;
  cache?: ResultCache;
  recorder?: RunRecorder;
  /** The controlling LLM, for tasks whose selection endpoint is 'llm'. */
  chat?: ChatModel;
  sleep?: Sleep;
  now?: () => number;
  /** Draws the seed of a generative task that has none pinned (tests pin it). */
  randomSeed?: () => number;
}

/** Everything one run needs: the graph, the chosen models, where they run, the user's files, the limits. */
export interface ExecuteInput {
  runId?: string;
  /** Tasks with canonical task type names. */
  tasks: PlanTask[];
  selections: Selections;
  /** Why a task has no selection (message shown on its `no-model` failure). */
  unavailable?: Record<number, string>;
  /** Targets for tasks not done by the LLM. */
  targets: Record<number, TaskTargets>;
  /** Files the user gave, by the name the user wrote (e.g. "example.jpg"). */
  userResources: Record<string, ResourceRef>;
  execution: Settings['execution'];
  deps: ExecuteDeps;
  onEvent?: (event: RunEvent) => void;
  /** Bypass the cache for every task (true) or for these task ids. */
  force?: boolean | number[];
  /** Re-run only these tasks and what depends on them; the others reuse `previousResults`. */
  from?: number[];
  previousResults?: Record<number, NodeResult>;
  context?: RunContext;
}

/** What the run was for, kept in its record. */
export interface RunContext {
  request?: string;
  conversationId?: string;
  /** LLM usage of the request: planning and selection, plus the response once it is written. */
  usage?: Usage;
  /** The files the tasks could use, by the name the request gave (to re-run from the record). */
  userResources?: Record<string, ResourceRef>;
  /** The workflow this run came from, if any. */
  workflow?: { id?: string; name: string };
  /** The answer written for this run (stage 4), once there is one. */
  response?: string;
}

/** The result of one node: what a run record keeps of it, plus the cache key it was stored under. */
export interface NodeResult extends RecordedNode {
  cacheKey?: string;
}

/** How a run ended. */
export interface RunOutcome {
  runId: string;
  results: Record<number, NodeResult>;
  summary: RunSummary;
  /** Set when the run record could not be written (the results are still valid). */
  recordError?: string;
}

/** A run in progress. */
export interface RunHandle {
  runId: string;
  done: Promise<RunOutcome>;
  /** Cancels the whole run, or only one task (its dependents are then skipped). */
  cancel(taskId?: number): void;
}

/** A stored successful result, reused when the same task, model and inputs come again. */
export interface CachedResult {
  outputs: TaskOutput[];
  model: string;
  endpoint: string;
  storedAt: number;
}

/** Results by cache key (a lowercase hex SHA-256); persisted across restarts by the platform. */
export interface ResultCache {
  get(key: string): Promise<CachedResult | undefined>;
  set(key: string, value: CachedResult): Promise<void>;
}

/** The record of one run, as `runs/<id>/run.json` holds it. */
export interface RunRecord {
  version: 1;
  runId: string;
  status: 'running' | RunSummary['status'];
  startedAt: number;
  finishedAt?: number;
  context: RunContext;
  tasks: PlanTask[];
  selections: Selections;
  execution: Settings['execution'];
  results: Record<number, NodeResult>;
  summary?: RunSummary;
}

/** Persists runs: the record at start and end, and every event as it comes. */
export interface RunRecorder {
  begin(record: RunRecord): Promise<void>;
  /** Appends one event; must not block (buffer and write asynchronously). */
  event(event: RunEvent): void;
  /** Writes the final record after every buffered event. */
  finish(record: RunRecord): Promise<void>;
  /** Adds to a finished run's context (the response and its usage come after the run). Optional. */
  annotate?(runId: string, context: Partial<RunContext>): Promise<void>;
}
