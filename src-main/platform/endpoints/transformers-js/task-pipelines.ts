// One transformers.js pipeline per built-in task type: how its inputs go in and how its answer becomes the
// same outputs the other endpoints produce (labels with scores, boxes drawn, masks, depth as an image,
// audio as WAV, text). Keyed by BuiltInTask, so a task type listed as built in without a pipeline here
// does not compile.
import type { BuiltInTask } from '../../../../src-shared/endpoint-protocols';
import { InferenceError, type InferenceInput, type RawOutput } from '../../../engine/inference';
import { detectionOutputs, segmentationOutputs } from '../../inference/vision-outputs';
import { fileInput, labelsOutput, optionalText, splitLabels, textInput, textOutput } from '../../inference/wire';
import { pngOf, rawImageOf } from './raw-image';
import { decodeWav, resample } from './wav';

/** A loaded pipeline, called as transformers.js pipelines are. */
export type LoadedPipeline = ((...args: any[]) => Promise<any>) & { processor?: any; dispose?: () => Promise<void> };

/** How one task type runs on the built-in runtime. */
export interface TaskPipeline {
  /** transformers.js's pipeline task name. */
  pipeline: string;
  run(pipe: LoadedPipeline, inputs: Record<string, InferenceInput>): Promise<RawOutput[]>;
}

type Inputs = Record<string, InferenceInput>;
const image = (inputs: Inputs) => {
  const { bytes, mime } = fileInput(inputs, 'image');
  return rawImageOf(bytes, mime);
};
function audio(pipe: LoadedPipeline, inputs: Inputs): Float32Array {
  const rate = pipe.processor?.feature_extractor?.config?.sampling_rate ?? 16000;
  return resample(decodeWav(fileInput(inputs, 'audio').bytes), rate);
}
function candidateLabels(inputs: Inputs, what: string): string[] {
  const labels = splitLabels(optionalText(inputs, 'candidate_labels') ?? '');
  if (labels.length === 0) throw new InferenceError('invalid-input', `${what} needs candidate labels (comma-separated).`, { retriable: false });
  return labels;
}
const first = (answer: any) => (Array.isArray(answer) ? answer[0] : answer);
function generated(answer: any, key: string): RawOutput[] {
  const text = first(answer)?.[key];
  if (typeof text !== 'string') throw new InferenceError('bad-output', `The model returned no ${key}.`, { retriable: false });
  return [textOutput(text)];
}
const GENERATION = { max_new_tokens: 128 };

/** The built-in task types' pipelines. */
export const TASK_PIPELINES: Record<BuiltInTask, TaskPipeline> = {
  'image-classification': { pipeline: 'image-classification', run: async (pipe, inputs) => [labelsOutput(await pipe(await image(inputs), { top_k: 5 }))] },
  'object-detection': {
    pipeline: 'object-detection',
    run: async (pipe, inputs) => detectionOutputs(await pipe(await image(inputs), { threshold: 0.5 }), fileInput(inputs, 'image').bytes),
  },
  'image-segmentation': {
    pipeline: 'image-segmentation',
    run: async (pipe, inputs) => {
      const segments: Array<{ label: string | null; score: number | null; mask: any }> = await pipe(await image(inputs));
      return segmentationOutputs(segments.map((s) => ({ label: s.label ?? 'segment', score: s.score, mask: pngOf(s.mask) })));
    },
  },
  'depth-estimation': {
    pipeline: 'depth-estimation',
    run: async (pipe, inputs) => [{ port: 'image', modality: 'image', bytes: pngOf(first(await pipe(await image(inputs))).depth), mime: 'image/png' }],
  },
  'image-to-text': { pipeline: 'image-to-text', run: async (pipe, inputs) => generated(await pipe(await image(inputs), GENERATION), 'generated_text') },
  'zero-shot-image-classification': {
    pipeline: 'zero-shot-image-classification',
    run: async (pipe, inputs) => [labelsOutput(await pipe(await image(inputs), candidateLabels(inputs, 'Zero-shot image classification')))],
  },
  'document-question-answering': {
    pipeline: 'document-question-answering',
    run: async (pipe, inputs) => {
      const answer = first(await pipe(await image(inputs), textInput(inputs)));
      return [textOutput(String(answer?.answer ?? ''), answer)];
    },
  },
  'automatic-speech-recognition': {
    pipeline: 'automatic-speech-recognition',
    run: async (pipe, inputs) => {
      const answer = first(await pipe(audio(pipe, inputs)));
      return [textOutput(String(answer?.text ?? '').trim(), { text: answer?.text })];
    },
  },
  'audio-classification': { pipeline: 'audio-classification', run: async (pipe, inputs) => [labelsOutput(await pipe(audio(pipe, inputs), { top_k: 5 }))] },
  'text-to-speech': {
    pipeline: 'text-to-speech',
    run: async (pipe, inputs) => {
      const speech = await pipe(textInput(inputs));
      return [{ port: 'audio', modality: 'audio', bytes: new Uint8Array(await speech.toBlob().arrayBuffer()), mime: 'audio/wav' }];
    },
  },
  'text-classification': { pipeline: 'text-classification', run: async (pipe, inputs) => [labelsOutput(await pipe(textInput(inputs), { top_k: 5 }))] },
  'token-classification': {
    pipeline: 'token-classification',
    run: async (pipe, inputs) => {
      const entities: Array<{ word: string; entity: string; score: number }> = await pipe(textInput(inputs));
      const lines = entities.map((e) => `${e.word}: ${e.entity} (${e.score.toFixed(3)})`);
      return [textOutput(lines.join('\n') || '(no entities)', entities)];
    },
  },
  'zero-shot-classification': {
    pipeline: 'zero-shot-classification',
    run: async (pipe, inputs) => {
      const answer = await pipe(textInput(inputs), candidateLabels(inputs, 'Zero-shot classification'));
      return [labelsOutput(answer.labels.map((label: string, i: number) => ({ label, score: answer.scores[i] })))];
    },
  },
  'question-answering': {
    pipeline: 'question-answering',
    run: async (pipe, inputs) => {
      const answer = first(await pipe(textInput(inputs), textInput(inputs, 'context')));
      return [textOutput(String(answer?.answer ?? ''), answer)];
    },
  },
  'sentence-similarity': {
    pipeline: 'feature-extraction',
    run: async (pipe, inputs) => {
      const embeddings = (await pipe([textInput(inputs, 'text1'), textInput(inputs, 'text2')], { pooling: 'mean', normalize: true })).tolist() as number[][];
      const score = embeddings[0].reduce((sum, x, i) => sum + x * embeddings[1][i], 0);
      return [textOutput(`similarity: ${score.toFixed(3)}`, { score })];
    },
  },
  summarization: { pipeline: 'summarization', run: async (pipe, inputs) => generated(await pipe(textInput(inputs), GENERATION), 'summary_text') },
  translation: { pipeline: 'translation', run: async (pipe, inputs) => generated(await pipe(textInput(inputs), GENERATION), 'translation_text') },
  'text-generation': { pipeline: 'text-generation', run: async (pipe, inputs) => generated(await pipe(textInput(inputs), { ...GENERATION, return_full_text: false }), 'generated_text') },
  'text2text-generation': { pipeline: 'text2text-generation', run: async (pipe, inputs) => generated(await pipe(textInput(inputs), GENERATION), 'generated_text') },
};
