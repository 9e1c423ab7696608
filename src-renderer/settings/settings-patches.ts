// Turns the settings panel's form drafts into SettingsPatch objects (the engine validates them and names bad fields).
import type { EndpointPatch, SettingsPatch } from '../../src-shared/contract';
import type { EndpointProtocol } from '../../src-shared/endpoint-protocols';
import type { EndpointView, UserWorkflow } from '../../src-shared/settings';

/** A model row being edited; `key` only identifies the row in the UI. */
export interface ModelDraft {
  key: string;
  id: string;
  task: string;
  url?: string;
  /** ComfyUI fields the form does not edit, kept as they are (ControlNet file, user workflow). */
  controlnet?: string;
  workflow?: UserWorkflow;
}

/** The optional fields of a model row, without the empty ones. */
const modelExtras = (m: Pick<ModelDraft, 'url' | 'controlnet' | 'workflow'>): Pick<ModelDraft, 'url' | 'controlnet' | 'workflow'> => ({
  ...(m.url ? { url: m.url } : {}),
  ...(m.controlnet ? { controlnet: m.controlnet } : {}),
  ...(m.workflow ? { workflow: m.workflow } : {}),
});

/** An endpoint being edited. */
export interface EndpointDraft {
  key: string;
  name: string;
  protocol: EndpointProtocol;
  /** Empty for the built-in runtime, which has no address. */
  url: string;
  enabled: boolean;
  models: ModelDraft[];
  /** Whether credentials are saved for it (they never reach the page). */
  authorizationSet: boolean;
  /** A new Authorization header value typed in (empty keeps the saved one). */
  authorization: string;
  /** Remove the saved credentials on Save. */
  clearAuthorization: boolean;
}

let nextKey = 0;
/** A fresh key for a draft row. */
export const newDraftKey = (): string => `draft-${++nextKey}`;

/** Drafts of the saved endpoints. */
export function toEndpointDrafts(endpoints: EndpointView[]): EndpointDraft[] {
  return endpoints.map((e) => ({
    key: newDraftKey(),
    name: e.name,
    protocol: e.protocol,
    url: e.url ?? '',
    enabled: e.enabled,
    models: e.models.map((m) => ({ key: newDraftKey(), id: m.id, task: m.task, ...modelExtras(m) })),
    authorizationSet: e.authorizationSet,
    authorization: '',
    clearAuthorization: false,
  }));
}

/** A new endpoint row of the form. */
export const newEndpointDraft = (): EndpointDraft => ({
  key: newDraftKey(), name: '', protocol: 'hf', url: 'http://127.0.0.1:8000', enabled: true, models: [],
  authorizationSet: false, authorization: '', clearAuthorization: false,
});

/**
 * An endpoint of the form as `endpoints.health` tests it: typed credentials go along, cleared ones go as `null`
 * (none is sent), and otherwise the engine adds the saved ones (where the addresses did not move).
 */
export function endpointToTest(draft: EndpointDraft): EndpointPatch {
  return endpointsPatch([draft]).endpoints![0];
}

/** The credentials "Find models" sends for the form's endpoint: typed, cleared (`null`) or the saved ones (absent). */
export function draftAuthorization(draft: Pick<EndpointDraft, 'authorization' | 'clearAuthorization'>): { authorization?: string | null } {
  return draft.authorization.trim() ? { authorization: draft.authorization.trim() } : draft.clearAuthorization ? { authorization: null } : {};
}

/**
 * The patch replacing all endpoints by the drafts (blank model rows are left out, text trimmed); credentials are sent
 * only when typed (`null` when cleared): without them the engine keeps the saved ones, bound to the same addresses.
 */
export function endpointsPatch(drafts: EndpointDraft[]): SettingsPatch {
  const endpoints: NonNullable<SettingsPatch['endpoints']> = drafts.map((d) => ({
    name: d.name.trim(),
    protocol: d.protocol,
    ...(d.url.trim() ? { url: d.url.trim() } : {}),
    enabled: d.enabled,
    models: d.models
      .filter((m) => m.id.trim() !== '' || m.task !== '')
      .map((m) => ({ id: m.id.trim(), task: m.task, ...modelExtras(m) })),
    ...draftAuthorization(d),
  }));
  return { endpoints };
}

/** The LLM form. An empty `apiKey` keeps the saved key. */
export interface LlmDraft {
  baseURL: string;
  model: string;
  apiKey: string;
}

/** The patch for the LLM section. */
export function llmPatch(draft: LlmDraft): SettingsPatch {
  return { llm: { baseURL: draft.baseURL.trim(), model: draft.model.trim(), ...(draft.apiKey ? { apiKey: draft.apiKey } : {}) } };
}

/** One row of the per-task timeouts: a task type and its timeout in seconds; `key` only identifies the row. */
export interface TaskTimeoutDraft {
  key: string;
  task: string;
  seconds: number;
}

/** The execution form, with the timeouts in seconds as the user enters them. */
export interface ExecutionDraft {
  maxParallel: number;
  timeoutSeconds: number;
  /** Task types whose calls get their own timeout instead of `timeoutSeconds` (execution.taskTimeoutMs). */
  taskTimeouts: TaskTimeoutDraft[];
  retries: number;
  fallbackToCloud: boolean;
  autoRespond: boolean;
}

/** Rows of the saved per-task timeouts, in task order. */
export function toTaskTimeoutDrafts(taskTimeoutMs: Record<string, number>): TaskTimeoutDraft[] {
  return Object.entries(taskTimeoutMs)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([task, ms]) => ({ key: newDraftKey(), task, seconds: ms / 1000 }));
}

/** What is wrong with the per-task timeout rows, one line each (empty when they can be saved). */
export function taskTimeoutProblems(rows: TaskTimeoutDraft[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    const name = row.task || 'a row without a task type';
    if (!row.task) problems.push('Per-task timeout: choose a task type or remove the row.');
    else if (seen.has(row.task)) problems.push(`Per-task timeout: ${row.task} is listed twice.`);
    if (!Number.isFinite(row.seconds) || Math.round(row.seconds * 1000) < 1) problems.push(`Per-task timeout of ${name}: enter a number of seconds above 0.`);
    seen.add(row.task);
  }
  return problems;
}

/** The patch for the execution section (per-task timeouts as milliseconds by task type, in task order). */
export function executionPatch(draft: ExecutionDraft): SettingsPatch {
  const taskTimeoutMs = Object.fromEntries(
    draft.taskTimeouts.map((row) => [row.task, Math.round(row.seconds * 1000)] as const).sort(([a], [b]) => a.localeCompare(b)),
  );
  return {
    execution: {
      maxParallel: draft.maxParallel,
      timeoutMs: Math.round(draft.timeoutSeconds * 1000),
      taskTimeoutMs,
      retries: draft.retries,
      fallbackToCloud: draft.fallbackToCloud,
      autoRespond: draft.autoRespond,
    },
  };
}
