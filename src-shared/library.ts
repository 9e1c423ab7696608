// Types of the workflows library and the run history, as they cross the contract.
import type { PlanTask, Usage } from './plan';
import type { ResourceRef, TaskOutput } from './resources';
import type { AttemptRecord, NodeStatus, RunEvent, RunSummary, TaskError } from './run-events';
import type { Selections } from './selection';
import type { Workflow } from './workflow';

/** A workflow file of the library, without its tasks. */
export interface WorkflowEntry {
  /** The file's stem in `<dataDir>/workflows/` (or `.trash/`). */
  id: string;
  name: string;
  description: string;
  inputs: Workflow['inputs'];
  taskCount: number;
  updatedAt: number;
  /** Set for deleted workflows (they can be restored). */
  deleted?: boolean;
  /** Set when the file cannot be read (corrupt, invalid or from a newer version): why. It stays in place, untouched. */
  damaged?: string;
}

/** What the renderer sends to save its current graph as a workflow. */
export interface SaveWorkflowRequest {
  name: string;
  description?: string;
  /** The conversation whose files the graph uses (its attachments become file inputs). */
  conversationId?: string;
  request?: string;
  tasks: PlanTask[];
  selections: Selections;
  layout?: Workflow['layout'];
  /** Saves over this workflow of the library (its previous version goes to the trash) instead of adding one. */
  replaces?: string;
}

/** A value for one workflow input: text, or an uploaded file. */
export type WorkflowInputValue = { text: string } | { resource: ResourceRef; name: string };

/** The graph a workflow run executes, so the renderer can show it before the events arrive. */
export interface WorkflowRunStarted {
  runId: string;
  conversationId: string;
  tasks: PlanTask[];
  selections: Selections;
  layout: Workflow['layout'];
}

/** One run of the history, for the runs panel. */
export interface RunListItem {
  runId: string;
  status: 'running' | RunSummary['status'];
  startedAt: number;
  durationMs?: number;
  request?: string;
  workflow?: { id?: string; name: string };
  taskCount: number;
  counts: Partial<Record<NodeStatus, number>>;
  usage?: Usage;
  /** Set when run.json cannot be read: why (the run's folder is kept as it is). */
  damaged?: string;
  /** The process running it ended before the run did (killed, crashed, power loss). */
  interrupted?: boolean;
}

/** One node of a recorded run. */
export interface RecordedNode {
  status: NodeStatus;
  outputs: TaskOutput[];
  error?: TaskError;
  /** Why a skipped node did not run, or why an interrupted run's node was cancelled. */
  reason?: string;
  model?: string;
  /** The endpoint that served the node (after any fallback). */
  endpoint?: string;
  attempts: AttemptRecord[];
  startedAt?: number;
  durationMs?: number;
}

/** A recorded run in full: request, plan, model choices, per-node results, events and LLM usage. */
export interface RunDetail extends RunListItem {
  tasks: PlanTask[];
  selections: Selections;
  results: Record<number, RecordedNode>;
  /** The files the run's tasks could use, by the name the request gave. */
  userResources: Record<string, ResourceRef>;
  response?: string;
  events: RunEvent[];
}

/** How one node's output differs between two runs. */
export interface NodeComparison {
  taskId: number;
  task: string;
  a?: NodeStatus;
  b?: NodeStatus;
  /** 'same' outputs, 'changed' outputs, or the node is only in one run. */
  change: 'same' | 'changed' | 'only-a' | 'only-b';
}
