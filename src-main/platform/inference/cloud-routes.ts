// How each task type runs on Inference Providers today: which provider-mapping tasks serve it, through
// which call, and which Hub pipeline tags hold its models. One table: the availability check, the runner
// and the catalog refresh all read it.
import { PROVIDERS } from '@huggingface/inference';
import { findTaskType } from '../../../src-shared/tasks';

/** `classic`: the task's own library function or wire format; `chat`: chatCompletion (image content parts for vision). */
export type CloudRoute = 'classic' | 'chat';

/** One way to serve a task type: a mapping task on the Hub, the call that uses it, and who may serve it. */
export interface CloudRouteSpec {
  /** The `task` of an inferenceProviderMapping entry that fits ("conversational" for chat models). */
  mappingTask: string;
  route: CloudRoute;
  /** Set when the invoker POSTs the hf-inference wire format itself: only that provider fits. */
  onlyProvider?: string;
}

/** One entry of a model's inferenceProviderMapping, as the Hub lists it today. */
export interface ProviderMappingEntry {
  provider: string;
  providerId: string;
  status: string;
  task: string;
}

/** A provider that can run a call for a task type: the mapping entry and the route to call it by. */
export interface UsableProvider {
  provider: string;
  providerId: string;
  route: CloudRoute;
}

const classic = (mappingTask: string, onlyProvider?: string): CloudRouteSpec => ({ mappingTask, route: 'classic', onlyProvider });
const chat: CloudRouteSpec = { mappingTask: 'conversational', route: 'chat' };

// Task types whose invokers POST the hf-inference wire format themselves (the library has no function,
// or its answer reader is too strict): only hf-inference can serve them by that route.
const RAW_WIRE = new Set(['image-to-text', 'depth-estimation', 'text2text-generation', 'video-classification']);

// Where today's providers differ from the task's own name. Vision-language models (`image-text-to-text`
// on the Hub) are mapped as "conversational" and answer captions and visual questions through chat
// completion; instruct models answer text generation the same way.
const EXTRA_ROUTES: Record<string, CloudRouteSpec[]> = {
  'image-to-text': [chat],
  'visual-question-answering': [chat],
  'text-generation': [chat],
  'sentence-similarity': [classic('feature-extraction', 'hf-inference')],
};

// Provider tasks whose results @huggingface/inference 4.13 polls itself, with the global fetch, at the address
// it built from its hard-coded router (providers/fal-ai.ts getResponseFromQueueApi, together.ts and novita.ts
// video jobs, wavespeed.ts): behind a custom huggingface.routerUrl those polls would bypass it, so such a
// provider is not used there.
const POLLS_LIBRARY_ROUTER: Record<string, readonly string[] | 'all'> = {
  'fal-ai': ['text-to-image', 'image-to-image', 'text-to-video', 'audio-to-audio', 'image-segmentation'],
  together: ['text-to-video'],
  novita: ['text-to-video'],
  wavespeed: 'all',
};

/** Whether the library polls `provider`'s `mappingTask` results at router.huggingface.co itself. */
export function pollsLibraryRouter(provider: string, mappingTask: string): boolean {
  const tasks = POLLS_LIBRARY_ROUTER[provider];
  return tasks === 'all' || Boolean(tasks?.includes(mappingTask));
}

/** How the app reaches the router: `customRouter` when huggingface.routerUrl is not the library's own. */
export interface RouteOptions {
  customRouter?: boolean;
}

/** Hub pipeline tags whose models can serve a task type (image-text-to-text models caption and answer). */
const EXTRA_PIPELINES: Record<string, string[]> = {
  'image-to-text': ['image-text-to-text'],
  'visual-question-answering': ['image-text-to-text'],
};

/** The ways `task` (a canonical cloud task type) can run on Inference Providers, preferred first. */
export function cloudRoutes(task: string): CloudRouteSpec[] {
  const spec = findTaskType(task);
  if (!spec || spec.runtime !== 'inference') return [];
  if (task === 'conversational') return [chat];
  const own = classic(task, RAW_WIRE.has(task) ? 'hf-inference' : undefined);
  return [own, ...(EXTRA_ROUTES[task] ?? [])];
}

/** The Hub pipeline tags to list when looking for models of `task`. */
export const hubPipelinesFor = (task: string): string[] => [task, ...(EXTRA_PIPELINES[task] ?? [])];

/** Whether the installed @huggingface/inference can call `provider` for a mapping task. */
export function librarySupports(provider: string, mappingTask: string): boolean {
  const tasks = (PROVIDERS as Record<string, Record<string, unknown> | undefined>)[provider];
  return Boolean(tasks && mappingTask in tasks);
}

/** Whether any provider the library knows could serve `task` at all (no Hub call): false means refuse up front. */
export function anyProviderCanServe(task: string): boolean {
  return cloudRoutes(task).some((r) =>
    r.onlyProvider ? librarySupports(r.onlyProvider, r.mappingTask) : Object.keys(PROVIDERS).some((p) => librarySupports(p, r.mappingTask)),
  );
}

/**
 * The providers in a model's mapping that can run `task` now: live (staging is for the provider's own tests),
 * mapped to a task one of its routes takes, supported by the library. In the mapping's order (the user's
 * provider preference order on the Hub).
 */
export function usableProviders(mapping: readonly ProviderMappingEntry[], task: string, options: RouteOptions = {}): UsableProvider[] {
  const routes = cloudRoutes(task);
  const usable: UsableProvider[] = [];
  for (const entry of mapping) {
    if (entry.status !== 'live') continue;
    if (options.customRouter && pollsLibraryRouter(entry.provider, entry.task)) continue;
    const route = routes.find(
      (r) => r.mappingTask === entry.task && (!r.onlyProvider || r.onlyProvider === entry.provider) && librarySupports(entry.provider, r.mappingTask),
    );
    if (route) usable.push({ provider: entry.provider, providerId: entry.providerId, route: route.route });
  }
  return usable;
}

/** Why a mapping offers nothing for `task`, in one clause: "no provider", "only staging", "mapped to X". */
export function whyUnusable(mapping: readonly ProviderMappingEntry[], task: string, options: RouteOptions = {}): string {
  if (options.customRouter && usableProviders(mapping, task).length > 0) {
    const polling = [...new Set(usableProviders(mapping, task).map((p) => p.provider))].join(', ');
    return `its providers (${polling}) return results that @huggingface/inference fetches from router.huggingface.co itself, which a custom huggingface.routerUrl rules out`;
  }
  if (mapping.length === 0) return 'no Inference Provider serves it';
  if (mapping.every((m) => m.status !== 'live')) return `its providers (${mapping.map((m) => `${m.provider}: ${m.status}`).join(', ')}) are not live`;
  const tasks = [...new Set(mapping.filter((m) => m.status === 'live').map((m) => m.task))];
  const fits = new Set(cloudRoutes(task).map((r) => r.mappingTask));
  if (!tasks.some((t) => fits.has(t))) return `its providers serve it for ${tasks.map((t) => `"${t}"`).join(', ')}, not "${task}"`;
  return `its live providers (${mapping.filter((m) => m.status === 'live').map((m) => m.provider).join(', ')}) cannot be called for "${task}" by this app's @huggingface/inference`;
}
