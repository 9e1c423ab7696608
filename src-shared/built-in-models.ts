// The built-in runtime's endpoint as default settings contain it: one small quantized ONNX model per task
// type that HuggingGPT's models have a transformers.js version of (mostly the paper's own models,
// converted by Xenova on the Hub). Download sizes are not written here: the app asks the Hub
// (`hugginggpt models --sizes`, the settings panel) and measures what is on disk.
import type { BuiltInTask } from './endpoint-protocols';

/** The name of the built-in endpoint in default settings. */
export const BUILT_IN_ENDPOINT_NAME = 'built-in';

/** The curated default models, one per task type. */
export const CURATED_BUILT_IN_MODELS: ReadonlyArray<{ id: string; task: BuiltInTask }> = [
  { id: 'Xenova/vit-base-patch16-224', task: 'image-classification' },
  { id: 'Xenova/detr-resnet-50', task: 'object-detection' },
  { id: 'Xenova/vit-gpt2-image-captioning', task: 'image-to-text' },
  { id: 'Xenova/detr-resnet-50-panoptic', task: 'image-segmentation' },
  { id: 'Xenova/depth-anything-small-hf', task: 'depth-estimation' },
  { id: 'Xenova/clip-vit-base-patch32', task: 'zero-shot-image-classification' },
  { id: 'Xenova/donut-base-finetuned-docvqa', task: 'document-question-answering' },
  { id: 'Xenova/whisper-tiny.en', task: 'automatic-speech-recognition' },
  { id: 'Xenova/ast-finetuned-audioset-10-10-0.4593', task: 'audio-classification' },
  { id: 'Xenova/mms-tts-eng', task: 'text-to-speech' },
  { id: 'Xenova/distilbert-base-uncased-finetuned-sst-2-english', task: 'text-classification' },
  { id: 'Xenova/bert-base-NER', task: 'token-classification' },
  { id: 'Xenova/mobilebert-uncased-mnli', task: 'zero-shot-classification' },
  { id: 'Xenova/distilbert-base-cased-distilled-squad', task: 'question-answering' },
  { id: 'Xenova/all-MiniLM-L6-v2', task: 'sentence-similarity' },
];

/** The built-in endpoint with the curated models, as default settings and the v3 settings migration add it. */
export const builtInEndpoint = () => ({
  name: BUILT_IN_ENDPOINT_NAME,
  protocol: 'transformers.js' as const,
  enabled: true,
  models: CURATED_BUILT_IN_MODELS.map((m) => ({ id: m.id, task: m.task })),
});

/** A model of a built-in endpoint as the settings panel and `hugginggpt models --json` show it. */
export interface BuiltInModelView {
  endpoint: string;
  id: string;
  task: string;
  /** Bytes of its downloaded files (0 when not downloaded). */
  bytesOnDisk: number;
  /** What a download fetches, as the Hub tells (when asked for). */
  downloadBytes?: number;
  /** Why the Hub could not tell the download size. */
  sizeError?: string;
}

/** Progress of a model download started from the settings panel. */
export interface BuiltInDownloadProgress {
  id: string;
  message: string;
  fraction?: number;
}

/** Bytes as `12.3 MB`. */
export const formatBytes = (bytes: number): string =>
  bytes >= 1e9 ? `${(bytes / 1e9).toFixed(2)} GB` : bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${(bytes / 1e3).toFixed(1)} kB`;
