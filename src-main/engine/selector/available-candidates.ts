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
 * The first `topK` of `ranked` (local first, as rankCandidates orders them) that can run: the task-type rule
 * of servableCandidates first, then the cloud candidates with a live provider (or whose status the Hub could
 * not tell) for the places the user's endpoints leave. Checks run `topK` at a time, at most MAX_CHECK_BATCHES.
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
  const wanted = topK - (ranked.length - cloud.length);
  if (!availability || cloud.length === 0 || wanted <= 0) return { candidates: ranked.slice(0, topK) };
  const live = new Set<string>();
  const problems: string[] = [];
  for (let batch = 0; batch < MAX_CHECK_BATCHES && live.size < wanted; batch++) {
    const slice = cloud.slice(batch * topK, (batch + 1) * topK);
    if (slice.length === 0) break;
    const statuses = await Promise.all(slice.map((c) => availability.check(c.id, type, signal)));
    slice.forEach((c, i) => {
      const s = statuses[i];
      if (s.status === 'none') problems.push(`${c.id}: ${s.reason}`);
      else live.add(c.id);
    });
  }
  const kept = ranked.filter((c) => c.endpoint !== HUGGINGFACE_ENDPOINT || live.has(c.id));
  const checked = Math.min(cloud.length, MAX_CHECK_BATCHES * topK);
  const cloudProblem = live.size === 0 ? `none of the ${checked} most downloaded "${type}" models has a live Inference Provider (${problems.slice(0, 3).join('; ')})` : undefined;
  return { candidates: rerank(kept).slice(0, topK), cloudProblem };
}
