// The settings panel as one form: a draft of every section, whether it differs from the saved settings,
// and the one patch that saves it (only the sections that changed).
import type { SettingsPatch } from '../../src-shared/contract';
import type { ExecutionMode, SettingsView } from '../../src-shared/settings';
import {
  endpointsPatch, executionPatch, llmPatch, taskTimeoutProblems, toEndpointDrafts, toTaskTimeoutDrafts,
  type EndpointDraft, type ExecutionDraft, type LlmDraft,
} from './settings-patches';

/** The Hugging Face form: a typed token replaces the saved one; `clearToken` removes it. */
export type HuggingFaceDraft = { token: string; clearToken: boolean; enabled: boolean; mode: ExecutionMode };

/** Every section's draft. */
export type SettingsDraft = {
  llm: LlmDraft & { clearApiKey: boolean };
  huggingface: HuggingFaceDraft;
  endpoints: EndpointDraft[];
  execution: ExecutionDraft;
};

/** The form's starting values for the saved settings. */
export function draftOf(view: SettingsView): SettingsDraft {
  const e = view.execution;
  return {
    llm: { baseURL: view.llm.baseURL, model: view.llm.model, apiKey: '', clearApiKey: false },
    huggingface: { token: '', clearToken: false, enabled: view.huggingface.enabled, mode: e.mode },
    endpoints: toEndpointDrafts(view.endpoints),
    execution: {
      maxParallel: e.maxParallel, timeoutSeconds: e.timeoutMs / 1000, taskTimeouts: toTaskTimeoutDrafts(e.taskTimeoutMs),
      retries: e.retries, fallbackToCloud: e.fallbackToCloud, autoRespond: e.autoRespond,
    },
  };
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Which sections differ from the saved settings. */
export function dirtySections(draft: SettingsDraft, view: SettingsView): { llm: boolean; huggingface: boolean; endpoints: boolean; execution: boolean } {
  const saved = draftOf(view);
  const { llm, huggingface: hf } = draft;
  return {
    llm: llm.baseURL !== saved.llm.baseURL || llm.model !== saved.llm.model || llm.apiKey !== '' || llm.clearApiKey,
    huggingface: hf.token !== '' || hf.clearToken || hf.enabled !== saved.huggingface.enabled || hf.mode !== saved.huggingface.mode,
    endpoints: !same(endpointsPatch(draft.endpoints).endpoints, endpointsPatch(saved.endpoints).endpoints),
    // Compared as patches: row keys differ between drafts of the same values.
    execution: !same(executionPatch(draft.execution), executionPatch(saved.execution)),
  };
}

/** Whether anything in the form is unsaved. */
export const isDirty = (draft: SettingsDraft, view: SettingsView): boolean => Object.values(dirtySections(draft, view)).some(Boolean);

/** What must be fixed before the form can be saved, one line each (the engine checks everything again). */
export const formProblems = (draft: SettingsDraft): string[] => taskTimeoutProblems(draft.execution.taskTimeouts);

/** The LLM values as a patch (a cleared key is `null`, an empty key keeps the saved one). */
export function llmDraftPatch(llm: SettingsDraft['llm']): NonNullable<SettingsPatch['llm']> {
  const patch = llmPatch(llm).llm!;
  return llm.clearApiKey && !llm.apiKey ? { ...patch, apiKey: null } : patch;
}

/** The one patch that saves the form: the sections that changed, validated as a whole by the engine. */
export function formPatch(draft: SettingsDraft, view: SettingsView): SettingsPatch {
  const dirty = dirtySections(draft, view);
  const patch: SettingsPatch = {};
  if (dirty.llm) patch.llm = llmDraftPatch(draft.llm);
  if (dirty.huggingface) {
    const hf = draft.huggingface;
    patch.huggingface = { enabled: hf.enabled, ...(hf.token ? { token: hf.token } : hf.clearToken ? { token: null } : {}) };
  }
  if (dirty.endpoints) patch.endpoints = endpointsPatch(draft.endpoints).endpoints;
  if (dirty.execution) patch.execution = executionPatch(draft.execution).execution;
  if (dirty.huggingface && draft.huggingface.mode !== view.execution.mode) patch.execution = { ...patch.execution, mode: draft.huggingface.mode };
  return patch;
}
