// Cloud candidates that can run now: before the LLM chooses, the top-ranked cloud models are checked against
// the Hub's provider mappings (through CloudAvailability), so only models with a live provider are offered.
import { HUGGINGFACE_ENDPOINT, type Candidate } from '../../../src-shared/selection';
import type { CloudAvailability } from './availability';
import { rerank, servableCandidates } from './servable-candidates';

/** How many batches of `topK` cloud models are checked at most before giving up on a task type. */
export const MAX_CHECK_BATCHES = 2;

/** The candidates that can run, and what was learnt about the ones that cannot. */
export interface AvailableCandidates {
  candidates: Candidate[];
  /** Set when no cloud candidate is left: why, in one clause. */
  cloudProblem?: string;
}

/**
 * The first `topK` of `ranked`, in its order, that can run: the task-type rule of servableCandidates first,
 * then, for the cloud candidates that reach the top K, a live provider (or a status the Hub could not tell).
 * Cloud models are checked `topK` at a time in rank order, only as far as the top K needs, at most
 * MAX_CHECK_BATCHES batches; local candidates are kept as they are.
 */
export async function availableCandidates(
  type: string,
  ranked: Candidate[],
  topK: number,
  availability: CloudAvailability | undefined,
  signal?: AbortSignal,
): Promise<AvailableCandidates> {
  const servable = servableCandidates(type, ranked, availability);
  if (servable.cloudProblem) return { candidates: servable.candidates.slice(0, topK), cloudProblem: servable.cloudProblem };
  const cloud = ranked.filter((c) => c.endpoint === HUGGINGFACE_ENDPOINT);
  if (!availability || cloud.length === 0) return { candidates: ranked.slice(0, topK) };
  const cloudIndex = new Map(cloud.map((c, i) => [c.id, i]));
  const live = new Set<string>();
  const problems: string[] = [];
  let checked = 0;
  const kept: Candidate[] = [];
  for (const c of ranked) {
    if (kept.length >= topK) break;
    if (c.endpoint !== HUGGINGFACE_ENDPOINT) {
      kept.push(c);
      continue;
    }
    if (cloudIndex.get(c.id)! >= checked) {
      if (checked >= MAX_CHECK_BATCHES * topK) continue;
      const slice = cloud.slice(checked, checked + topK);
      const statuses = await Promise.all(slice.map((m) => availability.check(m.id, type, signal)));
      slice.forEach((m, i) => {
        const status = statuses[i];
        if (status.status === 'none') problems.push(`${m.id}: ${status.reason}`);
        else live.add(m.id);
      });
      checked += slice.length;
    }
    if (live.has(c.id)) kept.push(c);
  }
  const cloudProblem = checked > 0 && live.size === 0 ? `none of the ${checked} most downloaded "${type}" models has a live Inference Provider (${problems.slice(0, 3).join('; ')})` : undefined;
  return { candidates: rerank(kept), cloudProblem };
}
