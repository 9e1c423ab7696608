// The one rule for which of a task type's ranked candidates may be offered before any per-model Hub lookup, and
// why a type has none: selection, the task palette, the model picker and `hugginggpt plan` all ask it, so none
// of them offers what another refuses.
import { protocolServes } from '../../../src-shared/endpoint-protocols';
import { HUGGINGFACE_ENDPOINT, type Candidate } from '../../../src-shared/selection';
import type { Settings } from '../../../src-shared/settings';
import { findTaskType } from '../../../src-shared/tasks';
import type { CloudAvailability } from './availability';
import type { CatalogModel } from './catalog-model';
import { rankCandidates, unavailableReason } from './candidates';
import { canonicalTask } from './endpoints';

/** The question this rule asks the cloud: whether any Inference Provider serves a task type today (no Hub call). */
export type TaskServed = Pick<CloudAvailability, 'taskServed'>;

/** A task type's candidates that may be offered, and, when no provider serves the type, that problem in one clause. */
export interface ServableCandidates {
  candidates: Candidate[];
  cloudProblem?: string;
}

/** The list renumbered 1..n after some candidates were dropped. */
export const rerank = (list: Candidate[]): Candidate[] => list.map((c, i) => ({ ...c, rank: i + 1 }));

/**
 * Drops the cloud candidates of a cloud task type no Inference Provider serves today (what the user's endpoints
 * serve stays, in rank order). `cloudProblem` is set for such a type whether or not the cloud had candidates in
 * this mode, so that a type nothing serves is explained by that and not by a missing token or mode.
 * Without `availability` (nothing to ask) the ranking is kept as it is.
 */
export function servableCandidates(type: string, ranked: Candidate[], availability?: TaskServed): ServableCandidates {
  if (!availability || findTaskType(type)?.runtime !== 'inference' || availability.taskServed(type)) return { candidates: ranked };
  const local = ranked.filter((c) => c.endpoint !== HUGGINGFACE_ENDPOINT);
  return { candidates: local.length === ranked.length ? ranked : rerank(local), cloudProblem: `no Inference Provider serves "${type}" today` };
}

/** Why a task type has no candidate because the cloud cannot serve it, and the ways to still run it. */
export function noProviderReason(type: string, problem: string): string {
  const fixes = [
    ...(protocolServes('transformers.js', type) ? ['add the built-in runtime (an endpoint with protocol "transformers.js") with a model for it'] : []),
    `add a local server for "${type}" to settings.endpoints`,
    'or plan a different task',
  ];
  return `No model can run "${type}": ${problem}. To run it, ${fixes.join(', ')}.`;
}

/** Why a task type has no candidate: the cloud's problem with the fixes when there is one, else what the settings lack. */
export function noCandidateReason(type: string, cloudProblem: string | undefined, catalog: CatalogModel[], settings: Settings): string {
  return cloudProblem ? noProviderReason(type, cloudProblem) : unavailableReason(type, catalog, settings);
}

/** A task type's candidates in the current settings as selection would start from them, or why there is none. */
export function taskCandidates(task: string, catalog: CatalogModel[], settings: Settings, availability?: TaskServed): { candidates: Candidate[]; reason?: string } {
  const type = canonicalTask(task);
  const { candidates, cloudProblem } = servableCandidates(type, rankCandidates(type, catalog, settings), availability);
  return candidates.length > 0 ? { candidates } : { candidates, reason: noCandidateReason(type, cloudProblem, catalog, settings) };
}
