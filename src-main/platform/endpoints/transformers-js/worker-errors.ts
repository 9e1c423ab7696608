// Why a built-in job failed, in words a user can act on: the Hub's refusals (by status and X-Error-Code),
// an unreachable Hub, a cancelled download, or a model that transformers.js cannot run.
import type { TaskErrorKind } from '../../../../src-shared/run-events';
import { InferenceError } from '../../../engine/inference';
import type { FetchScope } from './hub-fetch';
import type { WorkerJob } from './worker-protocol';

/** A failure as the worker reports it. */
export interface JobFailure {
  kind: TaskErrorKind;
  message: string;
  retriable: boolean;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Classifies what a job threw. */
export function describeFailure(error: unknown, job: WorkerJob, scope: FetchScope): JobFailure {
  if (error instanceof InferenceError) return { kind: error.kind, message: error.message, retriable: error.retriable };
  if (scope.signal.aborted) return { kind: 'cancelled', message: 'cancelled', retriable: false };
  const refusal = scope.refusal;
  if (refusal) {
    const file = refusal.url.split('/resolve/')[1]?.split('/').slice(1).join('/') ?? refusal.url;
    if (refusal.code === 'RepoNotFound' || refusal.status === 401) {
      return { kind: 'http', message: `The Hub at ${job.hub.hubUrl} has no model "${job.model}" (or it is private or gated: set a Hugging Face token).`, retriable: false };
    }
    if (refusal.code === 'EntryNotFound' || refusal.status === 404) {
      return { kind: 'http', message: `"${job.model}" has no file ${file} on the Hub: the built-in runtime needs a transformers.js (ONNX, quantized) version of the model, such as the Xenova/ or onnx-community/ ones.`, retriable: false };
    }
    if (refusal.status === 429) return { kind: 'rate-limited', message: `The Hub is rate-limiting downloads of "${job.model}".`, retriable: true };
    if (refusal.status >= 500) return { kind: 'network', message: `The Hub answered ${refusal.status} for ${file}.`, retriable: true };
  }
  const text = messageOf(error);
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : '';
  if (error instanceof TypeError && /fetch failed/i.test(text)) {
    return { kind: 'network', message: `Cannot reach the Hub at ${job.hub.hubUrl} to download "${job.model}" (${cause || text}).`, retriable: true };
  }
  return { kind: 'bad-output', message: `The built-in runtime could not run "${job.model}" for ${job.task}: ${text}`, retriable: false };
}
