// The endpoint protocols: how the app talks to a kind of model server, and which task types each can
// serve. One table: the selector, the settings panel and the platform adapters all read it.
import { findTaskType, TASK_TYPES, type TaskTypeSpec } from './tasks';

/** Every protocol `endpoints[].protocol` may name. */
export const ENDPOINT_PROTOCOLS = ['hf', 'toolkit', 'tgi', 'comfyui', 'transformers.js'] as const;
export type EndpointProtocol = (typeof ENDPOINT_PROTOCOLS)[number];

/** What a protocol is and what it can serve. */
export interface EndpointProtocolSpec {
  protocol: EndpointProtocol;
  /** Shown in the settings panel. */
  label: string;
  /** One sentence for the settings panel and `hugginggpt models`. */
  summary: string;
  /** False for the built-in runtime, which runs in-process. */
  needsUrl: boolean;
  /** Whether its models are Hugging Face repo ids (so the cloud can stand in); ComfyUI's are checkpoint files. */
  modelsAreRepos: boolean;
  /** Whether a model on an endpoint of this protocol can run a task type. */
  serves(task: TaskTypeSpec): boolean;
}

const TGI_TASKS = new Set(['text-generation', 'text2text-generation', 'conversational', 'summarization', 'translation']);
const COMFYUI_TASKS = new Set(['text-to-image', 'image-to-image']);
/** Task types the built-in runtime runs: one transformers.js pipeline each (src-main/platform/endpoints/transformers-js/task-pipelines.ts). */
export const BUILT_IN_TASK_TYPES = [
  'image-classification', 'object-detection', 'image-to-text', 'image-segmentation', 'depth-estimation',
  'zero-shot-image-classification', 'document-question-answering', 'automatic-speech-recognition',
  'audio-classification', 'text-to-speech', 'text-classification', 'token-classification',
  'zero-shot-classification', 'question-answering', 'summarization', 'translation', 'text-generation',
  'text2text-generation', 'sentence-similarity',
] as const;
/** One task type the built-in runtime runs. */
export type BuiltInTask = (typeof BUILT_IN_TASK_TYPES)[number];
/** BUILT_IN_TASK_TYPES as a set. */
export const BUILT_IN_TASKS: ReadonlySet<string> = new Set<string>(BUILT_IN_TASK_TYPES);

/** The protocols, by name. */
export const ENDPOINT_PROTOCOL_SPECS: Record<EndpointProtocol, EndpointProtocolSpec> = {
  hf: {
    protocol: 'hf',
    label: 'Hugging Face wire format (multi-model server)',
    summary: 'POSTs to <url>/models/<org>/<name>: raw bytes for image/audio inputs, JSON {"inputs","parameters"} otherwise.',
    needsUrl: true,
    modelsAreRepos: true,
    serves: () => true,
  },
  toolkit: {
    protocol: 'toolkit',
    label: 'Inference Toolkit container / Inference Endpoint',
    summary: 'One model at the root of <url>; Accept set to the expected output; base64-in-JSON answers decoded.',
    needsUrl: true,
    modelsAreRepos: true,
    serves: (task) => task.runtime === 'inference',
  },
  tgi: {
    protocol: 'tgi',
    label: 'Text Generation Inference (TGI)',
    summary: 'Text tasks through its OpenAI-compatible /v1/chat/completions route.',
    needsUrl: true,
    modelsAreRepos: true,
    serves: (task) => TGI_TASKS.has(task.type),
  },
  comfyui: {
    protocol: 'comfyui',
    label: 'ComfyUI',
    summary: 'Checkpoints as models; text-to-image, image-to-image and ControlNet tasks through API-format workflows.',
    needsUrl: true,
    modelsAreRepos: false,
    serves: (task) => COMFYUI_TASKS.has(task.type) || task.type.endsWith('-text-to-image'),
  },
  'transformers.js': {
    protocol: 'transformers.js',
    label: 'Built-in runtime (transformers.js)',
    summary: 'Runs ONNX models in the app itself (a worker); model files downloaded once from the Hub.',
    needsUrl: false,
    modelsAreRepos: true,
    serves: (task) => BUILT_IN_TASKS.has(task.type),
  },
};

/** Whether an endpoint of `protocol` can run `task` (any spelling the task table knows). */
export function protocolServes(protocol: EndpointProtocol, task: string): boolean {
  const spec = findTaskType(task);
  return spec !== undefined && ENDPOINT_PROTOCOL_SPECS[protocol].serves(spec);
}

/** The canonical task types an endpoint of `protocol` can run, in task-table order. */
export const tasksServedBy = (protocol: EndpointProtocol): string[] =>
  TASK_TYPES.filter((t) => ENDPOINT_PROTOCOL_SPECS[protocol].serves(t)).map((t) => t.type);
