// Which endpoints may serve which models in the current execution mode, and where a selection's call goes.
import { ENDPOINT_PROTOCOL_SPECS } from '../../../src-shared/endpoint-protocols';
import { HUGGINGFACE_ENDPOINT, LLM_ENDPOINT, type Selection } from '../../../src-shared/selection';
import type { Endpoint, ModelOnEndpoint, Settings } from '../../../src-shared/settings';
import { findTaskType, normalizeTaskName } from '../../../src-shared/tasks';
import type { InferenceTarget } from '../inference';
import { SelectionError } from './catalog-model';

/** The canonical task type for a name an LLM or a user wrote (aliases resolved), or the normalised name. */
export function canonicalTask(name: string): string {
  return findTaskType(name)?.type ?? normalizeTaskName(name);
}

/** Whether Hugging Face's cloud can be called at all: enabled and a token is set. */
export function huggingfaceUsable(settings: Settings): boolean {
  return settings.huggingface.enabled && Boolean(settings.huggingface.token);
}

/** Whether the cloud may serve `task` in the current mode (ControlNet types never run in the cloud). */
export function cloudServes(task: string, settings: Settings): boolean {
  const spec = findTaskType(task);
  return settings.execution.mode !== 'local' && spec?.runtime === 'inference' && huggingfaceUsable(settings);
}

/** A model some enabled local endpoint declares for a task. */
export interface DeclaredModel {
  endpoint: Endpoint;
  model: ModelOnEndpoint;
}

/** Models that enabled local endpoints declare for `task`, in settings order (none in `huggingface` mode). */
export function declaredModels(task: string, settings: Settings): DeclaredModel[] {
  if (settings.execution.mode === 'huggingface') return [];
  const type = canonicalTask(task);
  const found: DeclaredModel[] = [];
  for (const endpoint of settings.endpoints) {
    if (endpoint.enabled === false) continue;
    for (const model of endpoint.models) if (canonicalTask(model.task) === type) found.push({ endpoint, model });
  }
  return found;
}

const withoutTrailingSlash = (url: string): string => url.replace(/\/+$/, '');

/**
 * Where the call for a selection goes: the endpoint's `<url>/models/<id>` (or the model's own url), or the cloud.
 * @example modelTarget({ endpoint: 'local-vision', model: 'facebook/detr-resnet-50', ... }, settings).url
 */
export function modelTarget(selection: Selection, settings: Settings): InferenceTarget {
  if (selection.endpoint === HUGGINGFACE_ENDPOINT) return { kind: 'huggingface', provider: settings.huggingface.provider };
  if (selection.endpoint === LLM_ENDPOINT) {
    throw new SelectionError('not-a-model-call', `task ${selection.taskId} is done by the controlling LLM, not by a model endpoint`);
  }
  const endpoint = settings.endpoints.find((e) => e.name === selection.endpoint);
  if (!endpoint) {
    throw new SelectionError('unknown-endpoint', `endpoint "${selection.endpoint}" chosen for task ${selection.taskId} is not in settings.endpoints any more`);
  }
  const declared = endpoint.models.find((m) => m.id === selection.model);
  return { kind: 'endpoint', endpoint: endpoint.name, protocol: endpoint.protocol, url: declared?.url ?? endpointModelUrl(endpoint, selection.model) };
}

/**
 * The address a call to `model` on `endpoint` goes to, as records show it: `<url>/models/<id>` for the `hf`
 * layout, the server itself for the others, `built-in:<id>` for the in-process runtime.
 */
export function endpointModelUrl(endpoint: Endpoint, model: string): string {
  if (endpoint.url === undefined) return `built-in:${model}`;
  return endpoint.protocol === 'hf' ? `${withoutTrailingSlash(endpoint.url)}/models/${model}` : withoutTrailingSlash(endpoint.url);
}

/**
 * Where a failed local call may be retried: the cloud, in hybrid mode with fallbackToCloud and a usable
 * Hugging Face account (never for ControlNet types, which the cloud does not serve, nor for models that are
 * not repo ids, such as ComfyUI checkpoints). Undefined otherwise.
 */
export function fallbackTarget(selection: Selection, settings: Settings, task?: string): InferenceTarget | undefined {
  if (selection.endpoint === HUGGINGFACE_ENDPOINT || selection.endpoint === LLM_ENDPOINT) return undefined;
  if (settings.execution.mode !== 'hybrid' || !settings.execution.fallbackToCloud || !huggingfaceUsable(settings)) return undefined;
  if (task !== undefined && findTaskType(task)?.runtime !== 'inference') return undefined;
  // A ComfyUI checkpoint file is no model the cloud knows: its failure stays the node's error.
  const endpoint = settings.endpoints.find((e) => e.name === selection.endpoint);
  if (endpoint && !ENDPOINT_PROTOCOL_SPECS[endpoint.protocol].modelsAreRepos) return undefined;
  return { kind: 'huggingface', provider: settings.huggingface.provider };
}
