// The built-in LLM (llm.provider "built-in"): which GGUF files it can run, named "<hub repo>/<file>.gguf".

/** A GGUF model offered in settings, with what it costs to download and run. */
export interface BuiltInLlmOffer {
  /** "<hub repo>/<file>.gguf", the value of `llm.model`. */
  model: string;
  label: string;
  /** Download size in bytes, as the Hub lists the file. */
  downloadBytes: number;
  /** Memory while loaded: the file plus a 4096-token f16 KV cache plus ~0.3 GB of buffers (estimate). */
  memoryBytes: number;
  note: string;
}

const GB = 1e9;

/**
 * The curated models, default first. Download sizes: the Q4_K_M rows of the bartowski/*-GGUF model cards
 * on the Hub (not re-checked from this machine; the download itself verifies the size the Hub announces).
 * Memory: file size + KV cache (2 x layers x KV heads x head size x 2 bytes x 4096 tokens, from each model's
 * config.json) + ~0.3 GB of compute buffers; the quality of these models on the planning set is not measured.
 */
export const BUILT_IN_LLMS: readonly BuiltInLlmOffer[] = [
  {
    model: 'bartowski/Qwen2.5-3B-Instruct-GGUF/Qwen2.5-3B-Instruct-Q4_K_M.gguf',
    label: 'Qwen2.5 3B Instruct (Q4_K_M)',
    downloadBytes: 1.93 * GB,
    memoryBytes: 2.4 * GB,
    note: 'default: fits a laptop with 8 GB of memory',
  },
  {
    model: 'bartowski/Qwen2.5-1.5B-Instruct-GGUF/Qwen2.5-1.5B-Instruct-Q4_K_M.gguf',
    label: 'Qwen2.5 1.5B Instruct (Q4_K_M)',
    downloadBytes: 0.99 * GB,
    memoryBytes: 1.4 * GB,
    note: 'smaller and faster, weaker plans',
  },
  {
    model: 'bartowski/Qwen2.5-7B-Instruct-GGUF/Qwen2.5-7B-Instruct-Q4_K_M.gguf',
    label: 'Qwen2.5 7B Instruct (Q4_K_M)',
    downloadBytes: 4.68 * GB,
    memoryBytes: 5.2 * GB,
    note: 'stronger, needs 8 GB free and is slower on a CPU',
  },
];

/** The model used when `llm.provider` is "built-in" and `llm.model` is left at its default. */
export const DEFAULT_BUILT_IN_LLM = BUILT_IN_LLMS[0].model;

/** A GGUF file on the Hub. */
export interface GgufRef {
  repo: string;
  file: string;
}

const GGUF_REF = /^([\w.-]+\/[\w.-]+)\/([\w.-]+\.gguf)$/i;

/** Whether a value names a GGUF file as "<org>/<repo>/<file>.gguf". */
export const isGgufRef = (model: string): boolean => GGUF_REF.test(model.trim());

/**
 * Splits "<org>/<repo>/<file>.gguf"; throws a message a user can act on otherwise.
 * @example parseGgufRef('bartowski/Qwen2.5-3B-Instruct-GGUF/Qwen2.5-3B-Instruct-Q4_K_M.gguf')
 */
export function parseGgufRef(model: string): GgufRef {
  const match = GGUF_REF.exec(model.trim());
  if (!match) throw new Error(`"${model}" is not a GGUF file on the Hub: write "<org>/<repo>/<file>.gguf", e.g. ${DEFAULT_BUILT_IN_LLM}`);
  return { repo: match[1], file: match[2] };
}

/** The GGUF the built-in LLM runs for `llm.model` (settings accept only a GGUF reference or the untouched default). */
export function builtInModelOf(model: string): string {
  return isGgufRef(model) ? model.trim() : DEFAULT_BUILT_IN_LLM;
}

/** A GGUF file in the data folder. */
export interface DownloadedLlm {
  model: string;
  bytes: number;
}

/** Progress of one model download (the `llm.download` event). */
export interface BuiltInLlmDownload {
  model: string;
  receivedBytes: number;
  totalBytes: number;
}

/** One row of the built-in LLM list: a curated offer, a downloaded file, or the configured model. */
export interface BuiltInLlmEntry {
  model: string;
  /** Present for curated models. */
  offer?: BuiltInLlmOffer;
  /** Size on disk when downloaded. */
  downloadedBytes?: number;
  /** Whether settings name it (`llm.model`, or the default). */
  selected: boolean;
}

/** Curated offers, then other downloaded files, then the configured model if it is neither. */
export function builtInLlmEntries(downloaded: DownloadedLlm[], configuredModel: string): BuiltInLlmEntry[] {
  const selected = builtInModelOf(configuredModel);
  const onDisk = new Map(downloaded.map((d) => [d.model, d.bytes]));
  const models = [...new Set([...BUILT_IN_LLMS.map((o) => o.model), ...downloaded.map((d) => d.model), selected])];
  return models.map((model) => ({
    model,
    ...(BUILT_IN_LLMS.find((o) => o.model === model) ? { offer: BUILT_IN_LLMS.find((o) => o.model === model) } : {}),
    ...(onDisk.has(model) ? { downloadedBytes: onDisk.get(model) } : {}),
    selected: model === selected,
  }));
}

/** "1.93 GB" / "120 MB": sizes as settings and the CLI show them. */
export const formatBytes = (bytes: number): string => (bytes >= 1e9 ? `${(bytes / 1e9).toFixed(2)} GB` : `${Math.max(0.01, bytes / 1e6).toFixed(bytes >= 1e7 ? 0 : 2)} MB`);
