// The task types HuggingGPT can plan, with their typed ports: one source of truth for the planner's
// prompt, the validator, the selector, the executor and the editor's handles.
import { SEED_PORT } from './seed';

/** The kind of data a port carries. `table` is a CSV file. */
export type Modality = 'text' | 'image' | 'audio' | 'video' | 'table';

export const MODALITIES: readonly Modality[] = ['text', 'image', 'audio', 'video', 'table'];

/** One named input or output of a task type; inputs are the plan's `args` keys. */
export interface PortSpec {
  name: string;
  modality: Modality;
  optional?: boolean;
}

/** Where a task type can run: cloud inference, local endpoints only (ControlNet), or the LLM itself. */
export type TaskRuntime = 'inference' | 'local-only';

/** A task type: its ports and how it may be served. */
export interface TaskTypeSpec {
  type: string;
  summary: string;
  inputs: PortSpec[];
  outputs: PortSpec[];
  /** Other spellings LLMs (and the paper's demonstrations) use for this type. */
  aliases: string[];
  runtime: TaskRuntime;
  /** Text-only tasks the controlling LLM may do itself, as HuggingGPT does. */
  llmCapable?: boolean;
}

const text = (name = 'text', optional = false): PortSpec => ({ name, modality: 'text', optional });
const image = (name = 'image'): PortSpec => ({ name, modality: 'image' });
const audio = (name = 'audio'): PortSpec => ({ name, modality: 'audio' });
const video = (name = 'video'): PortSpec => ({ name, modality: 'video' });
/** The optional seed of a generative task (src-shared/seed.ts): random per run unless the user pins it. */
const seed = (): PortSpec => ({ name: SEED_PORT, modality: 'text', optional: true });

function task(
  type: string,
  summary: string,
  inputs: PortSpec[],
  outputs: PortSpec[],
  extra: Partial<Pick<TaskTypeSpec, 'aliases' | 'runtime' | 'llmCapable'>> = {},
): TaskTypeSpec {
  return { type, summary, inputs, outputs, aliases: extra.aliases ?? [], runtime: extra.runtime ?? 'inference', llmCapable: extra.llmCapable };
}

const CONTROL_KINDS = ['canny', 'depth', 'hed', 'mlsd', 'normal', 'openpose', 'seg'] as const;

function controlTasks(): TaskTypeSpec[] {
  const specs: TaskTypeSpec[] = [];
  for (const kind of CONTROL_KINDS) {
    const short = kind === 'openpose' ? 'pose' : kind;
    const aliases = (suffix: string) => (short !== kind ? [`${short}-${suffix}`] : []);
    specs.push(
      task(`${kind}-control`, `extract a ${kind} control map from an image (ControlNet annotator)`, [image()], [image()], {
        runtime: 'local-only',
        aliases: [...aliases('control'), ...(kind === 'openpose' ? ['pose-detection', 'pose-estimation'] : [`${short}-detection`])],
      }),
      task(`${kind}-text-to-image`, `generate an image from text guided by a ${kind} control map (ControlNet)`, [image(), text(), seed()], [image()], {
        runtime: 'local-only',
        aliases: [...aliases('text-to-image'), `${short}-to-image`],
      }),
    );
  }
  return specs;
}

/** Every task type, in the order the planner prompt lists them. */
export const TASK_TYPES: readonly TaskTypeSpec[] = [
  task('token-classification', 'tag entities in text', [text()], [text()], { aliases: ['ner', 'named-entity-recognition'] }),
  task('text-classification', 'label text (sentiment, topic)', [text()], [text()], { aliases: ['sentiment-analysis'] }),
  task('zero-shot-classification', 'label text with given candidate labels', [text(), text('candidate_labels', true)], [text()]),
  task('question-answering', 'answer a question from a context text', [text(), text('context')], [text()]),
  task('sentence-similarity', 'score how similar two texts are', [text('text1'), text('text2')], [text()]),
  task('summarization', 'summarize text', [text()], [text()], { llmCapable: true, aliases: ['summarize'] }),
  task('translation', 'translate text', [text()], [text()], { llmCapable: true }),
  task('text-generation', 'continue or write text', [text()], [text()], { llmCapable: true }),
  task('text2text-generation', 'rewrite text into other text', [text()], [text()], { llmCapable: true }),
  task('conversational', 'reply in a conversation', [text()], [text()], { llmCapable: true, aliases: ['chat'] }),
  task('tabular-classification', 'classify rows of a table (CSV)', [{ name: 'table', modality: 'table' }], [text()]),
  task('image-classification', 'label an image', [image()], [text()]),
  task('object-detection', 'find objects in an image (boxes drawn + labels)', [image()], [image(), text()], { aliases: ['detection'] }),
  task('image-to-text', 'caption an image', [image()], [text()], { aliases: ['image-captioning', 'captioning'] }),
  task('image-segmentation', 'segment an image into masks', [image()], [image(), text()], { aliases: ['segmentation'] }),
  task('depth-estimation', 'estimate a depth map of an image', [image()], [image()]),
  task('image-to-image', 'transform an image, optionally guided by text', [image(), text('text', true), seed()], [image()]),
  task('zero-shot-image-classification', 'label an image with given candidate labels', [image(), text('candidate_labels', true)], [text()]),
  task('visual-question-answering', 'answer a question about an image', [image(), text()], [text()], { aliases: ['vqa'] }),
  task('document-question-answering', 'answer a question about a document image', [image(), text()], [text()], { aliases: ['document-qa'] }),
  task('text-to-image', 'generate an image from text', [text(), seed()], [image()], { aliases: ['image-generation'] }),
  task('text-to-video', 'generate a video from text', [text(), seed()], [video()], { aliases: ['video-generation'] }),
  task('text-to-speech', 'speak text aloud', [text()], [audio()], { aliases: ['tts', 'speech-synthesis'] }),
  task('automatic-speech-recognition', 'transcribe speech', [audio()], [text()], { aliases: ['asr', 'speech-recognition', 'speech-to-text'] }),
  task('audio-to-audio', 'transform audio (enhance, separate)', [audio()], [audio()]),
  task('audio-classification', 'label audio', [audio()], [text()]),
  ...controlTasks(),
  task('video-classification', 'label a video', [video()], [text()]),
];

const BY_NAME = new Map<string, TaskTypeSpec>();
for (const spec of TASK_TYPES) {
  BY_NAME.set(spec.type, spec);
  for (const alias of spec.aliases) BY_NAME.set(alias, spec);
}

/** Normalises a task name as an LLM may write it (case, spaces, underscores). */
export function normalizeTaskName(name: string): string {
  return name.trim().toLowerCase().replace(/[\s_]+/g, '-');
}

/**
 * Finds a task type by its name or one of its aliases.
 * @example findTaskType('pose-detection')?.type === 'openpose-control'
 */
export function findTaskType(name: string): TaskTypeSpec | undefined {
  return BY_NAME.get(normalizeTaskName(name));
}

/** All names (types and aliases) a plan may use. */
export function knownTaskNames(): string[] {
  return [...BY_NAME.keys()];
}

/** The output port of `spec` carrying `modality`, if any. */
export function outputOf(spec: TaskTypeSpec, modality: Modality): PortSpec | undefined {
  return spec.outputs.find((p) => p.modality === modality);
}
