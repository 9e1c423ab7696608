// Model selection (stage 2): candidates per task and the chosen model.

/** Where a model runs: a configured local endpoint by name, Hugging Face's cloud, or the controlling LLM. */
export type EndpointName = string;
export const HUGGINGFACE_ENDPOINT = 'huggingface';
export const LLM_ENDPOINT = 'llm';

/** A model that could serve a task, as ranked for the selector. */
export interface Candidate {
  id: string;
  task: string;
  downloads: number;
  likes: number;
  description: string;
  license?: string;
  /** Endpoint that would serve it in the current mode (local first in hybrid mode). */
  endpoint: EndpointName;
  /** 1-based rank: what enabled endpoints serve first (catalog ones by downloads, then declared-only), then the cloud by downloads. */
  rank: number;
}

/** How a model was chosen. */
export type SelectionMethod = 'llm' | 'only-candidate' | 'user' | 'fallback' | 'llm-itself';

/** The model chosen for one task, with the reason shown to the user. */
export interface Selection {
  taskId: number;
  model: string;
  endpoint: EndpointName;
  reason: string;
  method: SelectionMethod;
}

/** Selections keyed by task id. */
export type Selections = Record<number, Selection>;
