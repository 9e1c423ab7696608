// Every task type's invoker, by canonical type: a table keyed by the task table's TaskType union (the compiler
// finds a missing one), and ControlNet invokers derived from the task table's 'local-only' types.
import { TASK_TYPES, type ControlTaskType, type TaskType } from '../../../src-shared/tasks';
import type { TaskInvoker } from './invoker';
import { audioClassification } from './tasks/audio-classification';
import { audioToAudio } from './tasks/audio-to-audio';
import { automaticSpeechRecognition } from './tasks/automatic-speech-recognition';
import { controlAnnotator, controlTextToImage } from './tasks/controlnet';
import { conversational } from './tasks/conversational';
import { depthEstimation } from './tasks/depth-estimation';
import { documentQuestionAnswering } from './tasks/document-question-answering';
import { imageClassification } from './tasks/image-classification';
import { imageSegmentation } from './tasks/image-segmentation';
import { imageToImage } from './tasks/image-to-image';
import { imageToText } from './tasks/image-to-text';
import { objectDetection } from './tasks/object-detection';
import { questionAnswering } from './tasks/question-answering';
import { sentenceSimilarity } from './tasks/sentence-similarity';
import { summarization } from './tasks/summarization';
import { tabularClassification } from './tasks/tabular-classification';
import { text2textGeneration } from './tasks/text2text-generation';
import { textClassification } from './tasks/text-classification';
import { textGeneration } from './tasks/text-generation';
import { textToImage } from './tasks/text-to-image';
import { textToSpeech } from './tasks/text-to-speech';
import { textToVideo } from './tasks/text-to-video';
import { tokenClassification } from './tasks/token-classification';
import { translation } from './tasks/translation';
import { videoClassification } from './tasks/video-classification';
import { visualQuestionAnswering } from './tasks/visual-question-answering';
import { zeroShotClassification } from './tasks/zero-shot-classification';
import { zeroShotImageClassification } from './tasks/zero-shot-image-classification';

/** The invoker of every task type a model serves, keyed by the task table's names: a missing one does not compile. */
const MODEL_INVOKERS: { [K in Exclude<TaskType, ControlTaskType>]: TaskInvoker } = {
  'token-classification': tokenClassification,
  'text-classification': textClassification,
  'zero-shot-classification': zeroShotClassification,
  'question-answering': questionAnswering,
  'sentence-similarity': sentenceSimilarity,
  'summarization': summarization,
  'translation': translation,
  'text-generation': textGeneration,
  'text2text-generation': text2textGeneration,
  'conversational': conversational,
  'tabular-classification': tabularClassification,
  'image-classification': imageClassification,
  'object-detection': objectDetection,
  'image-to-text': imageToText,
  'image-segmentation': imageSegmentation,
  'depth-estimation': depthEstimation,
  'image-to-image': imageToImage,
  'zero-shot-image-classification': zeroShotImageClassification,
  'visual-question-answering': visualQuestionAnswering,
  'document-question-answering': documentQuestionAnswering,
  'text-to-image': textToImage,
  'text-to-video': textToVideo,
  'text-to-speech': textToSpeech,
  'automatic-speech-recognition': automaticSpeechRecognition,
  'audio-to-audio': audioToAudio,
  'audio-classification': audioClassification,
  'video-classification': videoClassification,
};

const CONTROL_INVOKERS: TaskInvoker[] = TASK_TYPES.filter((t) => t.runtime === 'local-only').map((t) =>
  t.type.endsWith('-control') ? controlAnnotator(t.type) : controlTextToImage(t.type),
);

/** Every invoker by canonical task type. */
export const TASK_INVOKERS: ReadonlyMap<string, TaskInvoker> = new Map(
  [...Object.values(MODEL_INVOKERS), ...CONTROL_INVOKERS].map((invoker) => [invoker.type, invoker]),
);

/** The invoker of a canonical task type, if any. */
export const findInvoker = (type: string): TaskInvoker | undefined => TASK_INVOKERS.get(type);
