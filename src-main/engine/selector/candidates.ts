// Stage 2's candidate list: the catalog's models of a task type that an enabled endpoint can serve, ranked.
import { HUGGINGFACE_ENDPOINT, type Candidate } from '../../../src-shared/selection';
import type { Settings } from '../../../src-shared/settings';
import { findTaskType } from '../../../src-shared/tasks';
import { trimDescription, type CatalogModel } from './catalog-model';
import { canonicalTask, cloudServes, declaredModels, huggingfaceUsable } from './endpoints';

const byPopularity = (a: CatalogModel, b: CatalogModel): number =>
  b.downloads - a.downloads || b.likes - a.likes || a.id.localeCompare(b.id);

/**
 * Every model that can serve `task` in the current mode, ranked as DESIGN.md states it: catalog models by
 * downloads (wherever they run), then models only an endpoint declares (in settings order). Local first is
 * where a model runs: one that an enabled endpoint declares runs there (in hybrid mode too, with the cloud as
 * its fallback); other catalog models go to Hugging Face when the cloud is usable in this mode. The selection
 * prompt says where each candidate runs and asks the LLM to prefer a local one when it fits as well.
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
  const candidates: Candidate[] = [];
  const push = (m: CatalogModel, endpoint: string) =>
    candidates.push({ ...m, task: type, description: trimDescription(m.description), endpoint, rank: candidates.length + 1 });

  for (const model of known) {
    const endpoint = local.get(model.id) ?? (cloud ? HUGGINGFACE_ENDPOINT : undefined);
    if (endpoint) push(model, endpoint);
  }
  for (const [id, endpoint] of local) {
    if (seen.has(id)) continue;
    push({ id, task: type, downloads: 0, likes: 0, description: `declared by endpoint "${endpoint}" (not in the catalog)` }, endpoint);
  }
  return candidates;
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
