// One conversation with HuggingGPT: the four stages for each request, with the history and the user's
// resources kept across turns so that "now make it a video" can refer back.
import type { Attachment, PlanIssue, PlanResult } from '../../src-shared/contract';
import { addUsage, emptyUsage, type PlanTask, type Usage } from '../../src-shared/plan';
import type { ResourceRef } from '../../src-shared/resources';
import type { RunEvent } from '../../src-shared/run-events';
import type { Selections } from '../../src-shared/selection';
import type { Settings } from '../../src-shared/settings';
import type { ChatMessage, ChatModel } from './chat-model';
import { StudioError } from './contract-error';
import { executeGraph } from './executor/execute-graph';
import type { ExecuteInput, NodeResult, ResultCache, RunHandle, RunOutcome, RunRecorder } from './executor/types';
import type { ModelRunner, ResourceStore } from './inference';
import { planRequest } from './planner/plan-request';
import { userResourcesIn } from './planner/user-resources';
import { generateResponse, type GeneratedResponse } from './responder/generate-response';
import type { CatalogModel } from './selector/catalog-model';
import { fallbackTarget, modelTarget } from './selector/endpoints';
import { selectModels } from './selector/select-models';

/** What a conversation needs from the outside world. */
export interface ConversationDeps {
  settings: () => Settings;
  chat: () => ChatModel;
  catalog: () => CatalogModel[];
  runner: ModelRunner;
  store: ResourceStore;
  cache?: ResultCache;
  recorder?: RunRecorder;
  /** Finds a file the user named in a request (CLI: relative to the current folder) and stores it. */
  importUserFile?: (name: string) => Promise<ResourceRef | undefined>;
}

/** A run of this conversation and what it was asked to do. */
interface RunEntry {
  request: string;
  tasks: PlanTask[];
  selections: Selections;
  handle: RunHandle;
  outcome?: RunOutcome;
}

/** Options for executing a graph. */
export interface ExecuteOptions {
  force?: boolean | number[];
  from?: number[];
  baseRunId?: string;
  onEvent?: (event: RunEvent) => void;
}

let counter = 0;
const newId = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${(counter++).toString(36)}`;

/** A conversation: plan, select, execute and respond, turn after turn. */
export class Conversation {
  readonly id: string;
  readonly history: ChatMessage[] = [];
  /** The files the user gave in this conversation, by the name used in requests. */
  readonly userResources: Record<string, ResourceRef> = {};
  private request = '';
  private unavailable: Record<number, string> = {};
  private readonly runs = new Map<string, RunEntry>();

  constructor(
    private readonly deps: ConversationDeps,
    id?: string,
  ) {
    this.id = id ?? newId('conv');
  }

  /** Stages 1 and 2: the plan and a model for each task (or a direct answer for a plain conversation). */
  async plan(
    request: string,
    options: { attachments?: Attachment[]; signal?: AbortSignal; onTasks?: (tasks: PlanTask[]) => void } = {},
  ): Promise<Omit<PlanResult, 'conversationId' | 'requestId'>> {
    for (const a of options.attachments ?? []) this.userResources[a.name] = a.resource;
    await this.importNamedFiles(request);
    this.request = request;
    const planned = await planRequest({
      request,
      history: this.history,
      attachments: Object.keys(this.userResources),
      chat: this.deps.chat(),
      signal: options.signal,
      onTasks: options.onTasks,
    });
    let usage = planned.usage;
    if (planned.plan.tasks.length === 0) {
      const answer = await generateResponse(this.deps.chat(), { request, history: this.history, tasks: [], selections: {}, results: {} }, undefined, options.signal);
      this.remember(request, answer.text);
      return { plan: planned.plan, selections: {}, issues: planned.issues, answer: answer.text, usage: addUsage(usage, answer.usage) };
    }
    const selected = await this.select(planned.plan.tasks, {}, options.signal);
    usage = addUsage(usage, selected.usage);
    const issues: PlanIssue[] = [...planned.issues, ...Object.entries(selected.unavailable).map(([id, message]) => ({ taskId: Number(id), message }))];
    return { plan: planned.plan, selections: selected.selections, issues, usage };
  }

  /** Stage 2 for an edited graph: keeps `overrides` and chooses for the other tasks. */
  async select(tasks: PlanTask[], overrides: Selections = {}, signal?: AbortSignal): Promise<{ selections: Selections; unavailable: Record<number, string>; usage: Usage }> {
    const result = await selectModels({ tasks, settings: this.deps.settings(), catalog: this.deps.catalog(), chat: this.deps.chat(), overrides, signal });
    this.unavailable = result.unavailable;
    return result;
  }

  /** Stage 3: runs the graph; events stream through `onEvent`. */
  execute(tasks: PlanTask[], selections: Selections, options: ExecuteOptions = {}): RunHandle {
    const settings = this.deps.settings();
    const targets: ExecuteInput['targets'] = {};
    const unavailable: Record<number, string> = {};
    for (const task of tasks) {
      const selection = selections[task.id];
      if (!selection) {
        unavailable[task.id] = this.unavailable[task.id] ?? `no model chosen for task ${task.id} (${task.task})`;
        continue;
      }
      const primary = modelTarget(selection, settings);
      if (primary) targets[task.id] = { primary, fallback: fallbackTarget(selection, settings, task.task) };
    }
    const base = options.baseRunId ? this.runs.get(options.baseRunId) : undefined;
    if (options.baseRunId && !base?.outcome) throw new StudioError('not-found', `run ${options.baseRunId} is not finished or not known in this conversation`);
    const handle = executeGraph({
      tasks,
      selections,
      unavailable,
      targets,
      userResources: this.userResources,
      execution: settings.execution,
      deps: { runner: this.deps.runner, store: this.deps.store, cache: this.deps.cache, recorder: this.deps.recorder, chat: this.deps.chat() },
      onEvent: options.onEvent,
      force: options.force,
      from: options.from,
      previousResults: base?.outcome?.results,
      context: { request: this.request, conversationId: this.id },
    });
    const entry: RunEntry = { request: this.request, tasks, selections, handle };
    this.runs.set(handle.runId, entry);
    void handle.done.then((outcome) => (entry.outcome = outcome), () => undefined);
    return handle;
  }

  /** Cancels a run of this conversation, or one node of it. */
  cancel(runId: string, taskId?: number): void {
    this.runs.get(runId)?.handle.cancel(taskId);
  }

  /** Stage 4: the answer for a finished run, streamed through `onDelta`. */
  async respond(runId: string, onDelta?: (textSoFar: string) => void, signal?: AbortSignal): Promise<GeneratedResponse> {
    const entry = this.runs.get(runId);
    if (!entry) throw new StudioError('not-found', `run ${runId} is not known in this conversation`);
    const outcome = entry.outcome ?? (await entry.handle.done);
    const answer = await generateResponse(
      this.deps.chat(),
      { request: entry.request, history: this.history, tasks: entry.tasks, selections: entry.selections, results: outcome.results as Record<number, NodeResult> },
      onDelta,
      signal,
    );
    this.remember(entry.request, answer.text);
    return answer;
  }

  private remember(request: string, answer: string): void {
    const files = Object.keys(this.userResources);
    this.history.push({ role: 'user', content: files.length ? `${request}\n(files given so far: ${files.join(', ')})` : request });
    this.history.push({ role: 'assistant', content: answer });
  }

  /** Stores the files a request names (when the deps can find them), once per name. */
  private async importNamedFiles(request: string): Promise<void> {
    if (!this.deps.importUserFile) return;
    for (const name of userResourcesIn(request)) {
      if (this.userResources[name]) continue;
      const ref = await this.deps.importUserFile(name);
      if (ref) this.userResources[name] = ref;
    }
  }
}

export { emptyUsage };
