// Cloud candidates that can run now: before the LLM chooses, the top-ranked cloud models are checked against
// the Hub's provider mappings (through CloudAvailability), so only models with a live provider are offered.
import { protocolServes } from '../../../src-shared/endpoint-protocols';
import { HUGGINGFACE_ENDPOINT, type Candidate } from '../../../src-shared/selection';
import type { CloudAvailability } from './availability';

/** How many batches of `topK` cloud models are checked at most before giving up on a task type. */
export const MAX_CHECK_BATCHES = 2;

/** The candidates that can run, and what was learnt about the ones that cannot. */
export interface AvailableCandidates {
  candidates: Candidate[];
  /** Set when no cloud candidate is left: why, in one clause. */
  cloudProblem?: string;
}

/**
 * Keeps local candidates as ranked and the cloud candidates with a live provider (or whose status the Hub
 * could not tell), until `topK` are found. Checks run `topK` at a time, at most MAX_CHECK_BATCHES batches.
 */
export async function availableCandidates(
  type: string,
  ranked: Candidate[],
  topK: number,
  availability: CloudAvailability | undefined,
  signal?: AbortSignal,
): Promise<AvailableCandidates> {
  const cloud = ranked.filter((c) => c.endpoint === HUGGINGFACE_ENDPOINT);
  if (!availability || cloud.length === 0) return { candidates: ranked.slice(0, topK) };
  if (!availability.taskServed(type)) {
    return { candidates: rerank(ranked.filter((c) => c.endpoint !== HUGGINGFACE_ENDPOINT)).slice(0, topK), cloudProblem: `no Inference Provider serves "${type}" today` };
  }
  const live = new Set<string>();
  const problems: string[] = [];
  for (let batch = 0; batch < MAX_CHECK_BATCHES && live.size < topK; batch++) {
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

const rerank = (list: Candidate[]): Candidate[] => list.map((c, i) => ({ ...c, rank: i + 1 }));

/** Why a task type has no candidate because the cloud cannot serve it, and the ways to still run it. */
export function noProviderReason(type: string, problem: string): string {
  const fixes = [
    ...(protocolServes('transformers.js', type) ? ['add the built-in runtime (an endpoint with protocol "transformers.js") with a model for it'] : []),
    `add a local server for "${type}" to settings.endpoints`,
    'or plan a different task',
  ];
  return `No model can run "${type}": ${problem}. To run it, ${fixes.join(', ')}.`;
}
