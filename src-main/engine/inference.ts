// The engine's view of model inference and of stored files: interfaces the platform implements.
import type { EndpointProtocol } from '../../src-shared/endpoint-protocols';
import type { ResourceRef } from '../../src-shared/resources';
import type { TaskErrorKind } from '../../src-shared/run-events';
import type { Modality } from '../../src-shared/tasks';

/** Where one model call goes: a configured endpoint's model URL, or Hugging Face's cloud. */
export type InferenceTarget =
  | { kind: 'endpoint'; endpoint: string; protocol: EndpointProtocol; url: string }
  | { kind: 'huggingface'; provider: string };

/** One input of a call: text, or the bytes of a file. */
export type InferenceInput =
  | { modality: 'text'; text: string }
  | { modality: Exclude<Modality, 'text'>; bytes: Uint8Array; mime: string; name?: string };

/** One model call for one task. `task` is a canonical task type from src-shared/tasks.ts. */
export interface InferenceCall {
  task: string;
  model: string;
  target: InferenceTarget;
  /** Inputs by port name (the task's input ports). */
  inputs: Record<string, InferenceInput>;
  /** Fires on cancellation and on the per-call timeout; must reach the HTTP request. */
  signal: AbortSignal;
  /** Progress the server or runtime reports (a step count, a download); shown as the node's progress. */
  onProgress?(progress: CallProgress): void;
}

/** One progress report of a call: a message, and how far along when the server says. */
export interface CallProgress {
  message: string;
  /** From 0 to 1. */
  fraction?: number;
}

/** One output of a call, before it is stored: text (with optional structured data) or bytes. */
export type RawOutput =
  | { port: string; modality: 'text'; text: string; data?: unknown }
  | { port: string; modality: Exclude<Modality, 'text'>; bytes: Uint8Array; mime?: string };

/** Calls models. Throws InferenceError for every failure it can classify. */
export interface ModelRunner {
  run(call: InferenceCall): Promise<RawOutput[]>;
}

/** A failed model call, classified so that the executor can retry, back off or give up. */
export class InferenceError extends Error {
  constructor(
    readonly kind: TaskErrorKind,
    message: string,
    readonly details: {
      status?: number;
      retriable?: boolean;
      /** From a Retry-After header. */
      retryAfterMs?: number;
      /** From a loading model's 503 `estimated_time`. */
      estimatedTimeMs?: number;
      bodyExcerpt?: string;
    } = {},
  ) {
    super(message);
    this.name = 'InferenceError';
  }

  get retriable(): boolean {
    return this.details.retriable ?? ['loading', 'rate-limited', 'timeout', 'network'].includes(this.kind);
  }
}

/** The content-addressed file store in the data folder. */
export interface ResourceStore {
  /** Stores bytes (deduplicated by SHA-256), sniffing the type from the bytes. */
  put(bytes: Uint8Array, options?: { name?: string; mime?: string }): Promise<ResourceRef>;
  read(ref: ResourceRef): Promise<Uint8Array>;
  /** The absolute path of a stored resource. */
  pathOf(ref: ResourceRef): string;
}
