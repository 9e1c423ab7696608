// The engine's view of cloud availability: whether an Inference Provider serves a model for a task now.
// The platform answers from the Hub's inferenceProviderMapping (cached); the selector only asks.

/** A model's cloud status for one task: live providers, none (with why), or unknown (the Hub did not answer). */
export type CloudStatus =
  | { status: 'live'; providers: string[] }
  | { status: 'none'; reason: string }
  | { status: 'unknown'; reason: string };

/** Answers availability questions about Hugging Face's Inference Providers. */
export interface CloudAvailability {
  /** Whether any provider could serve the task type at all (no Hub call); false means refuse it up front. */
  taskServed(task: string): boolean;
  /** Whether `model` has a live provider that fits `task` (one cached Hub lookup). */
  check(model: string, task: string, signal?: AbortSignal): Promise<CloudStatus>;
}
