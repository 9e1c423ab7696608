// The one contract between the renderer and the engine, carried by Electron IPC or the `serve` WebSocket.
import type { BuiltInLlmDownload, BuiltInLlmEntry } from './built-in-llm';
import type { NodeComparison, RunDetail, RunListItem, SaveWorkflowRequest, WorkflowEntry, WorkflowInputValue, WorkflowRunStarted } from './library';
import type { Plan, PlanTask, Usage } from './plan';
import type { ResourceRef } from './resources';
import type { RunEvent } from './run-events';
import type { Candidate, Selections } from './selection';
import type { EndpointProtocol } from './endpoint-protocols';
import type { LoadedSession, StudioSession } from './session';
import type { ModelOnEndpoint, Settings, SettingsView } from './settings';
import type { Workflow } from './workflow';
import type { BuiltInDownloadProgress, BuiltInModelView } from './built-in-models';

/** A file the user attached to a request, already in the resource store. */
/** An endpoint as the form sends it: `authorization` typed (a string), cleared (`null`) or left to the saved one (absent). */
export type EndpointPatch = Omit<Settings['endpoints'][number], 'authorization'> & { authorization?: string | null };

export interface Attachment {
  name: string;
  resource: ResourceRef;
}

/** A problem found in a plan, attached to a task when it concerns one. */
export interface PlanIssue {
  taskId?: number;
  message: string;
}

/** What stages 1 and 2 produce for one request. */
export interface PlanResult {
  conversationId: string;
  requestId: string;
  plan: Plan;
  selections: Selections;
  /** Problems that make tasks unusable (after the repair round). */
  issues: PlanIssue[];
  /** An empty plan is a plain conversation: the LLM's direct answer. */
  answer?: string;
  usage: Usage;
}

/** A graph to execute: the (edited) tasks and the model chosen for each. */
export interface RunRequest {
  conversationId: string;
  tasks: PlanTask[];
  selections: Selections;
  /** Ignore the cache for these tasks (or all when true). */
  force?: boolean | number[];
  /** Run only these tasks and what depends on them; other tasks reuse `baseRunId`'s outputs. */
  from?: number[];
  baseRunId?: string;
}

/** Settings changes; a secret given as `null` is cleared, omitted is kept. */
export type SettingsPatch = Partial<Omit<Settings, 'llm' | 'huggingface' | 'execution' | 'selection' | 'endpoints'>> & {
  /** Replaces every endpoint; an endpoint without `authorization` keeps its saved one (same name, same addresses), `null` clears it. */
  endpoints?: EndpointPatch[];
  llm?: Partial<Omit<Settings['llm'], 'apiKey'>> & { apiKey?: string | null };
  huggingface?: Partial<Omit<Settings['huggingface'], 'token'>> & { token?: string | null };
  execution?: Partial<Settings['execution']>;
  selection?: Partial<Settings['selection']>;
};

/** The result of a connection test. */
export interface ConnectionCheck {
  ok: boolean;
  message: string;
  latencyMs?: number;
}

/** Whether a task type can run with the current settings: how many candidates, or why none. */
export interface TaskAvailability {
  task: string;
  /** Ranked candidate models (0 when the task is unavailable, or done by the LLM itself). */
  candidates: number;
  /** The controlling LLM does this text task itself (settings.selection.llmDoesTextTasks). */
  byLlm: boolean;
  /** Why no model can serve it, and how to fix that; absent when it is available. */
  reason?: string;
}

/** The health of one configured endpoint. */
export interface EndpointHealth {
  name: string;
  /** The server's address (absent for the built-in runtime). */
  url?: string;
  ok: boolean;
  message: string;
  latencyMs?: number;
  checkedAt: number;
}

/** What "Find models" found on a server: model rows to add, and a sentence for the user. */
export interface EndpointDiscovery {
  models: ModelOnEndpoint[];
  message: string;
}

/** Request/response pairs, by channel. */
export interface InvokeMap {
  'settings.get': { req: void; res: SettingsView };
  'settings.update': { req: SettingsPatch; res: SettingsView };
  /** Tests the saved LLM settings, or with `llm` the form's values over them, without saving anything. */
  'settings.testLlm': { req: void | { llm?: SettingsPatch['llm'] }; res: ConnectionCheck };
  /** Checks the saved endpoints (or the one named), or with `endpoint` an unsaved endpoint from the form. */
  /** One saved endpoint (`name`), all of them, or the form's `endpoint` (its saved credentials added where its addresses did not move). */
  'endpoints.health': { req: { name?: string; endpoint?: EndpointPatch }; res: EndpointHealth[] };
  /** Asks a server (saved or being edited) which models it serves, in its protocol; `name`: the saved endpoint whose credentials apply (same address only). */
  /** What a server serves; `authorization` as in EndpointPatch (absent: the saved one of endpoint `name`, if `url` is its address). */
  'endpoints.discover': { req: { protocol: EndpointProtocol; url?: string; name?: string; authorization?: string | null }; res: EndpointDiscovery };
  'catalog.candidates': { req: { task: string }; res: Candidate[] };
  /** Every task type's availability in the current settings (the task palette greys the unavailable ones). */
  'catalog.availability': { req: void; res: TaskAvailability[] };
  /** A model of the whole catalog by repo id (whatever the endpoints can serve), or null. */
  'catalog.model': { req: { id: string }; res: { id: string; task: string; downloads: number; description: string } | null };
  'resources.upload': { req: { name: string; base64: string }; res: ResourceRef };
  'conversation.plan': { req: { conversationId?: string; request: string; attachments?: Attachment[]; requestId?: string }; res: PlanResult };
  'conversation.select': { req: { conversationId: string; tasks: PlanTask[]; overrides?: Selections }; res: { selections: Selections; usage: Usage } };
  'run.start': { req: RunRequest; res: { runId: string } };
  'run.cancel': { req: { runId: string; taskId?: number }; res: void };
  'response.generate': { req: { conversationId: string; runId: string; requestId?: string }; res: { requestId: string; text: string; usage: Usage } };
  /** The workflows library (`<dataDir>/workflows/`); `deleted` lists the recoverable ones instead. */
  'workflows.list': { req: { query?: string; deleted?: boolean }; res: WorkflowEntry[] };
  'workflows.get': { req: { id: string }; res: { entry: WorkflowEntry; workflow: Workflow } };
  /** Saves the graph as a new workflow: user files and literal texts become named inputs. */
  'workflows.save': { req: SaveWorkflowRequest; res: WorkflowEntry };
  'workflows.rename': { req: { id: string; name: string; description?: string }; res: WorkflowEntry };
  'workflows.duplicate': { req: { id: string }; res: WorkflowEntry };
  /** Moves the file to `.trash/` (recoverable with `workflows.restore`). */
  'workflows.delete': { req: { id: string }; res: void };
  'workflows.restore': { req: { id: string }; res: WorkflowEntry };
  /** Adds a workflow file's content as a new entry; refused (kind `invalid-workflow`) when invalid or newer. */
  'workflows.import': { req: { fileName: string; text: string }; res: WorkflowEntry };
  'workflows.export': { req: { id: string }; res: { fileName: string; text: string } };
  /** Runs a workflow with new inputs, without planning; events come as `run.event`. */
  'workflows.run': { req: { id: string; inputs: Record<string, WorkflowInputValue> }; res: WorkflowRunStarted };
  /** The run history, newest first. */
  'runs.list': { req: { status?: 'failed' | 'succeeded' | 'cancelled' }; res: RunListItem[] };
  'runs.get': { req: { runId: string }; res: RunDetail };
  /** Which nodes' outputs differ between two runs. */
  'runs.compare': { req: { a: string; b: string }; res: NodeComparison[] };
  /** "Edit from this run": a conversation that holds the recorded run, so `run.start` can re-run from it. */
  'runs.adopt': { req: { runId: string }; res: { conversationId: string } };
  /** The session saved in the data folder (`session.json`), or null; a corrupt file is kept aside and reported. */
  'session.load': { req: void; res: LoadedSession };
  /** Saves the open session atomically; refused (kind `invalid-session`) when it has the wrong shape. */
  'session.save': { req: StudioSession; res: void };
  /** The built-in LLM's models: curated offers (sizes, memory), downloaded files, the configured one. */
  'llm.models': { req: void; res: BuiltInLlmEntry[] };
  /** Downloads a model (default: the one settings select); progress comes as `llm.download` events. */
  'llm.download': { req: { model?: string }; res: { model: string; bytes: number } };
  /** Stops a running download (the partial file is kept and resumed next time). */
  'llm.cancelDownload': { req: { model: string }; res: { cancelled: boolean } };
  'llm.delete': { req: { model: string }; res: { deleted: boolean } };
  /** Models of the built-in endpoints with their size on disk; `sizes` also asks the Hub for download sizes. */
  'builtin.list': { req: { sizes?: boolean }; res: BuiltInModelView[] };
  /** Pre-fetches a built-in model's files; progress comes as `builtin.progress`. */
  'builtin.download': { req: { id: string; task: string }; res: { id: string; bytesOnDisk: number } };
  /** Stops a download started with `builtin.download` (it then fails with kind `cancelled`). */
  'builtin.cancelDownload': { req: { id: string }; res: void };
  /** Deletes a built-in model's downloaded files. */
  'builtin.delete': { req: { id: string }; res: { deleted: boolean } };
}

/** Events pushed from the engine to the renderer, by channel. */
export interface EventMap {
  'run.event': RunEvent;
  /** Tasks parsed so far while the plan streams in. */
  'plan.delta': { requestId: string; tasks: PlanTask[] };
  /** Text of the response generated so far. */
  'response.delta': { requestId: string; text: string };
  /** Progress of a built-in LLM download (from settings, or the first call that needs the model). */
  'llm.download': BuiltInLlmDownload;
  /** A built-in model download's progress. */
  'builtin.progress': BuiltInDownloadProgress;
}

export type InvokeChannel = keyof InvokeMap;
export type EventChannel = keyof EventMap;

/** Every invoke channel, for the preload and the bridges (keep in step with InvokeMap). */
export const INVOKE_CHANNELS = [
  'settings.get', 'settings.update', 'settings.testLlm', 'endpoints.health', 'endpoints.discover', 'catalog.candidates', 'catalog.availability', 'catalog.model', 'resources.upload',
  'conversation.plan', 'conversation.select', 'run.start', 'run.cancel', 'response.generate',
  'workflows.list', 'workflows.get', 'workflows.save', 'workflows.rename', 'workflows.duplicate', 'workflows.delete', 'workflows.restore',
  'workflows.import', 'workflows.export', 'workflows.run', 'runs.list', 'runs.get', 'runs.compare', 'runs.adopt',
  'session.load', 'session.save',
  'builtin.list', 'builtin.download', 'builtin.cancelDownload', 'builtin.delete',
  'llm.models', 'llm.download', 'llm.cancelDownload', 'llm.delete',
] as const satisfies readonly InvokeChannel[];

export const EVENT_CHANNELS = ['run.event', 'plan.delta', 'response.delta', 'builtin.progress', 'llm.download'] as const satisfies readonly EventChannel[];

/** The engine side of the contract: one async handler per channel. */
export type StudioHandlers = { [K in InvokeChannel]: (req: InvokeMap[K]['req']) => Promise<InvokeMap[K]['res']> };

/** Pushes an event to the renderer(s). */
export type EmitEvent = <K extends EventChannel>(channel: K, payload: EventMap[K]) => void;

/** An error as it crosses the contract: a message a user understands and a kind the UI can act on. */
export interface ContractError {
  message: string;
  kind: string;
}

// Compile-time check that INVOKE_CHANNELS lists every channel of InvokeMap.
type MissingChannel = Exclude<InvokeChannel, (typeof INVOKE_CHANNELS)[number]>;
const everyChannelListed: [MissingChannel] extends [never] ? true : MissingChannel = true;
void everyChannelListed;
