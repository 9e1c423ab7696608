// The messages between the main process and the built-in runtime's worker thread.
import type { TaskErrorKind } from '../../../../src-shared/run-events';
import type { InferenceInput, RawOutput } from '../../../engine/inference';

/** Where model files come from and go to; sent with every job so that settings edits apply. */
export interface HubConfig {
  /** The Hub (`huggingface.hubUrl`): transformers.js's remote host. */
  hubUrl: string;
  /** The model cache folder in the data folder. */
  cacheDir: string;
  /** Sent to Hugging Face hosts only. */
  token?: string;
}

/** One job for the worker. */
export type WorkerJob =
  | { type: 'run'; id: number; hub: HubConfig; task: string; model: string; inputs: Record<string, InferenceInput> }
  | { type: 'download'; id: number; hub: HubConfig; task: string; model: string }
  | { type: 'download-size'; id: number; hub: HubConfig; task: string; model: string };

/** What the main process may send. */
export type ToWorker = WorkerJob | { type: 'cancel'; id: number } | { type: 'unload'; model: string };

/** Progress of one job: a file's bytes while downloading, or a phase. */
export interface JobProgress {
  message: string;
  /** 0..1 over the files of the model being downloaded, when known. */
  fraction?: number;
  file?: string;
  loaded?: number;
  total?: number;
}

/** What the worker answers. */
export type FromWorker =
  | { type: 'progress'; id: number; progress: JobProgress }
  | { type: 'done'; id: number; outputs?: RawOutput[]; bytes?: number }
  | { type: 'failed'; id: number; kind: TaskErrorKind; message: string; retriable: boolean };
