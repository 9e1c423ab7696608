// Turns the settings panel's form drafts into SettingsPatch objects (the engine validates them and names bad fields).
import type { SettingsPatch } from '../../src-shared/contract';
import type { EndpointProtocol } from '../../src-shared/endpoint-protocols';
import type { Endpoint, SettingsView, UserWorkflow } from '../../src-shared/settings';

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
}

let nextKey = 0;
/** A fresh key for a draft row. */
export const newDraftKey = (): string => `draft-${++nextKey}`;

/** Drafts of the saved endpoints. */
export function toEndpointDrafts(endpoints: SettingsView['endpoints']): EndpointDraft[] {
  return endpoints.map((e) => ({
    key: newDraftKey(),
    name: e.name,
    protocol: e.protocol,
    url: e.url ?? '',
    enabled: e.enabled,
    models: e.models.map((m) => ({ key: newDraftKey(), id: m.id, task: m.task, ...modelExtras(m) })),
  }));
}

/** The patch replacing all endpoints by the drafts (blank model rows are left out, text trimmed). */
export function endpointsPatch(drafts: EndpointDraft[]): SettingsPatch {
  const endpoints: Endpoint[] = drafts.map((d) => ({
    name: d.name.trim(),
    protocol: d.protocol,
    ...(d.url.trim() ? { url: d.url.trim() } : {}),
    enabled: d.enabled,
    models: d.models
      .filter((m) => m.id.trim() !== '' || m.task !== '')
      .map((m) => ({ id: m.id.trim(), task: m.task, ...modelExtras(m) })),
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

/** The execution form, with the timeout in seconds as the user enters it. */
export interface ExecutionDraft {
  maxParallel: number;
  timeoutSeconds: number;
  retries: number;
  fallbackToCloud: boolean;
  autoRespond: boolean;
}

/** The patch for the execution section. */
export function executionPatch(draft: ExecutionDraft): SettingsPatch {
  return {
    execution: {
      maxParallel: draft.maxParallel,
      timeoutMs: Math.round(draft.timeoutSeconds * 1000),
      retries: draft.retries,
      fallbackToCloud: draft.fallbackToCloud,
      autoRespond: draft.autoRespond,
    },
  };
}
