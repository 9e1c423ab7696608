// Refreshes the model catalog from the Hugging Face Hub (GET /api/models through @huggingface/hub's listModels):
// per cloud task type, the most downloaded models that an Inference Provider serves (`inference_provider=all`),
// with their provider mappings, keeping those with a live provider the app can call for the task.
import { mkdirSync } from 'node:fs';
import { HubApiError, listModels, type PipelineType } from '@huggingface/hub';
import { TASK_TYPES } from '../../src-shared/tasks';
import { anyProviderCanServe, hubPipelinesFor, usableProviders } from './inference/cloud-routes';
import { normalizeMapping } from './inference/provider-mappings';
import { trimDescription, type CatalogModel } from '../engine/selector/catalog-model';
import { cachePath, CatalogError, loadCatalog, writeCatalogFile } from './catalog-file';

/** What a refresh needs: the Hub's address (a loopback fake in tests), an optional token, the data folder. */
export interface RefreshOptions {
  hubUrl: string;
  token?: string;
  dataDir: string;
  /** Models fetched per task type (the most downloaded). */
  perTask?: number;
  signal?: AbortSignal;
  /** Per-request timeout. */
  timeoutMs?: number;
}

/** A fetch that honours the caller's signal and a per-request timeout (listModels takes no signal of its own). */
function fetchWithTimeout(timeoutMs: number, signal?: AbortSignal): typeof fetch {
  return (input, init) => {
    const signals = [AbortSignal.timeout(timeoutMs), ...(signal ? [signal] : [])];
    return fetch(input, { ...init, signal: AbortSignal.any(signals) });
  };
}

function licenseOf(tags: string[] | undefined): string | undefined {
  return tags?.find((t) => t.startsWith('license:'))?.slice('license:'.length);
}

/** A description for a model the snapshot does not describe: built from what the Hub says about it. */
function describe(task: string, library: string | undefined, tags: string[] | undefined): string {
  const languages = (tags ?? []).filter((t) => /^[a-z]{2}$/.test(t)).slice(0, 3);
  const parts = [library, languages.length ? `languages: ${languages.join(', ')}` : undefined].filter(Boolean);
  return trimDescription(`${task} model${parts.length ? ` (${parts.join('; ')})` : ''} from the Hugging Face Hub`);
}

function classify(error: unknown, hubUrl: string, task: string, signal?: AbortSignal): CatalogError {
  if (signal?.aborted) return new CatalogError('cancelled', 'the catalog refresh was cancelled');
  if (error instanceof HubApiError) {
    const kind = error.statusCode === 401 || error.statusCode === 403 ? 'auth' : 'hub';
    return new CatalogError(kind, `the Hub at ${hubUrl} answered HTTP ${error.statusCode} for task "${task}": ${error.message.split('. URL:')[0]}`);
  }
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return new CatalogError('timeout', `the Hub at ${hubUrl} did not answer in time (task "${task}")`);
  }
  const cause = (error as { cause?: { code?: string } })?.cause?.code;
  return new CatalogError('network', `cannot reach the Hub at ${hubUrl}: ${cause ?? (error as Error)?.message ?? String(error)}`);
}

/** The models of one Hub pipeline tag that a provider serves, kept when a live provider fits `task`. */
async function fetchPipeline(task: string, pipeline: string, options: RefreshOptions, known: Map<string, CatalogModel>): Promise<CatalogModel[]> {
  const models: CatalogModel[] = [];
  try {
    for await (const entry of listModels({
      search: { task: pipeline as PipelineType, inferenceProviders: ['all'] },
      additionalFields: ['tags', 'library_name', 'inferenceProviderMapping'],
      sort: 'downloads',
      limit: options.perTask ?? 30,
      hubUrl: options.hubUrl.replace(/\/+$/, ''),
      ...(options.token ? { accessToken: options.token } : {}),
      fetch: fetchWithTimeout(options.timeoutMs ?? 30_000, options.signal),
    })) {
      const usable = usableProviders(normalizeMapping(entry.inferenceProviderMapping), task);
      if (usable.length === 0) continue;
      const before = known.get(entry.name);
      models.push({
        id: entry.name,
        task,
        downloads: entry.downloads ?? 0,
        likes: entry.likes ?? 0,
        license: licenseOf(entry.tags) ?? before?.license,
        description: before?.description ?? describe(pipeline, entry.library_name, entry.tags),
        providers: usable.map((p) => p.provider),
      });
    }
  } catch (error) {
    throw classify(error, options.hubUrl, pipeline, options.signal);
  }
  return models;
}

/** A task type's served models over all its Hub pipeline tags, most downloaded first, each model once. */
async function fetchTask(task: string, options: RefreshOptions, known: Map<string, CatalogModel>): Promise<CatalogModel[]> {
  const lists = [];
  for (const pipeline of hubPipelinesFor(task)) lists.push(await fetchPipeline(task, pipeline, options, known));
  const seen = new Set<string>();
  return lists.flat().sort((a, b) => b.downloads - a.downloads).filter((m) => !seen.has(m.id) && Boolean(seen.add(m.id)));
}

/**
 * Fetches, for every cloud task type, the most downloaded models with a live provider from the Hub and caches
 * them in `<dataDir>/catalog.json`. Task types with none (or that no provider the library knows can serve) are
 * recorded in `noCloudProvider`; their snapshot entries stay for local endpoints, as do ControlNet types.
 */
export async function refreshCatalog(options: RefreshOptions): Promise<{ count: number; noCloudProvider: string[] }> {
  if (options.token && !options.token.startsWith('hf_')) {
    throw new CatalogError('auth', 'the Hugging Face token must start with "hf_" (huggingface.token or HF_TOKEN)');
  }
  const current = loadCatalog(options.dataDir).models;
  const known = new Map(current.map((m) => [m.id, m]));
  const refreshed = new Map<string, CatalogModel[]>();
  const noCloudProvider: string[] = [];
  for (const spec of TASK_TYPES.filter((t) => t.runtime === 'inference')) {
    const models = anyProviderCanServe(spec.type) ? await fetchTask(spec.type, options, known) : [];
    if (models.length > 0) refreshed.set(spec.type, models);
    else noCloudProvider.push(spec.type);
  }
  const kept = current.filter((m) => !refreshed.has(m.task)).map(({ providers: _, ...m }) => m);
  const models = [...[...refreshed.values()].flat(), ...kept];
  mkdirSync(options.dataDir, { recursive: true });
  writeCatalogFile(cachePath(options.dataDir), {
    version: 1,
    source: `Hugging Face Hub ${options.hubUrl}: models with a live Inference Provider, downloads as the Hub reported them; task types in noCloudProvider keep the bundled snapshot's entries (estimates) for local endpoints`,
    snapshotDate: new Date().toISOString(),
    figures: 'hub',
    noCloudProvider,
    models,
  });
  return { count: [...refreshed.values()].reduce((n, list) => n + list.length, 0), noCloudProvider };
}
