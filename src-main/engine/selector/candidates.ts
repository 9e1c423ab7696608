// Stage 2's candidate list: the catalog's models of a task type that an enabled endpoint can serve, ranked.
import { HUGGINGFACE_ENDPOINT, type Candidate } from '../../../src-shared/selection';
import type { Settings } from '../../../src-shared/settings';
import { findTaskType } from '../../../src-shared/tasks';
import { trimDescription, type CatalogModel } from './catalog-model';
import { canonicalTask, cloudServes, declaredModels, huggingfaceUsable } from './endpoints';

const byPopularity = (a: CatalogModel, b: CatalogModel): number =>
  b.downloads - a.downloads || b.likes - a.likes || a.id.localeCompare(b.id);

/**
 * Every model that can serve `task` in the current mode, in the one order selection uses (local first):
 * 1. models an enabled endpoint declares that the catalog knows, by downloads;
 * 2. models only an endpoint declares, in settings order;
 * 3. the catalog's other models, on Hugging Face when the cloud is usable in this mode, by downloads.
 * `local` mode has only 1-2 and `huggingface` mode only 3, so the same order serves every mode; in `hybrid`
 * mode what the user's own endpoints serve comes before the cloud, also for the top-candidate fallback.
 */
export function rankCandidates(task: string, catalog: CatalogModel[], settings: Settings): Candidate[] {
  const type = canonicalTask(task);
  const local = new Map<string, string>();
  for (const { endpoint, model } of declaredModels(type, settings)) if (!local.has(model.id)) local.set(model.id, endpoint.name);
  const cloud = cloudServes(type, settings);

  const seen = new Set<string>();
  const known = catalog
    .filter((m) => canonicalTask(m.task) === type && !seen.has(m.id) && Boolean(seen.add(m.id)))
    .sort(byPopularity);
  const onEndpoint = known.filter((m) => local.has(m.id)).map((m) => ({ model: m, endpoint: local.get(m.id)! }));
  const endpointOnly = [...local]
    .filter(([id]) => !seen.has(id))
    .map(([id, endpoint]) => ({ model: { id, task: type, downloads: 0, likes: 0, description: `declared by endpoint "${endpoint}" (not in the catalog)` }, endpoint }));
  const inCloud = cloud ? known.filter((m) => !local.has(m.id)).map((m) => ({ model: m, endpoint: HUGGINGFACE_ENDPOINT })) : [];

  return [...onEndpoint, ...endpointOnly, ...inCloud].map(({ model, endpoint }, i) => ({
    ...model,
    task: type,
    description: trimDescription(model.description),
    endpoint,
    rank: i + 1,
  }));
}

/** The top `limit` candidates (settings.selection.topK by default): what the LLM chooses from. */
export function topCandidates(task: string, catalog: CatalogModel[], settings: Settings, limit = settings.selection.topK): Candidate[] {
  return rankCandidates(task, catalog, settings).slice(0, limit);
}

/** Why `task` has no candidate in the current settings, and how to fix it (one or two sentences). */
export function unavailableReason(task: string, catalog: CatalogModel[], settings: Settings): string {
  const spec = findTaskType(task);
  if (!spec) return `"${task}" is not a known task type, so no model can serve it.`;
  const type = spec.type;
  const addLocal = `add a local endpoint serving task "${type}" to settings.endpoints`;
  const example = catalog.filter((m) => canonicalTask(m.task) === type).sort(byPopularity)[0]?.id;
  const exampleHint = example ? ` (for example ${example})` : '';
  const mode = settings.execution.mode;
  if (spec.runtime === 'local-only') {
    const modeHint = mode === 'huggingface' ? ' and switch execution.mode to "local" or "hybrid"' : '';
    return `No model for "${type}": this ControlNet task runs only on local endpoints; ${addLocal}${exampleHint}${modeHint}.`;
  }
  const cloudFix = !settings.huggingface.enabled
    ? 'enable Hugging Face (huggingface.enabled)'
    : !settings.huggingface.token
      ? 'set a Hugging Face token (huggingface.token or HF_TOKEN)'
      : undefined;
  if (mode === 'local') {
    return `No model for "${type}" in local mode: ${addLocal}${exampleHint}, or switch execution.mode to "hybrid" or "huggingface".`;
  }
  if (cloudFix) {
    const localFix = mode === 'hybrid' ? `${addLocal}${exampleHint}, or ` : `switch execution.mode to "hybrid" and ${addLocal}, or `;
    return `No model for "${type}": Hugging Face is not usable; ${localFix}${cloudFix}.`;
  }
  if (huggingfaceUsable(settings) && !example) {
    return `No model for "${type}": the catalog has none; run \`hugginggpt models --refresh\` or ${addLocal}.`;
  }
  return `No model for "${type}": ${addLocal}.`;
}
