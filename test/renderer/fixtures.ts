// A planned graph as the engine sends it: detect objects in a photo, caption it, speak the caption.
import type { PlanResult } from '../../src-shared/contract';
import type { PlanTask } from '../../src-shared/plan';

export const detectCaptionSpeak = (): PlanTask[] => [
  { id: 0, task: 'object-detection', dep: [-1], args: { image: 'photo.jpg' } },
  { id: 1, task: 'image-to-text', dep: [0], args: { image: '<resource>-0' } },
  { id: 2, task: 'text-to-speech', dep: [1], args: { text: '<resource>-1' } },
  { id: 3, task: 'image-classification', dep: [-1], args: { image: 'photo.jpg' } },
];

export const planResult = (tasks = detectCaptionSpeak()): PlanResult => ({
  conversationId: 'c1',
  requestId: 'r1',
  plan: { tasks },
  selections: Object.fromEntries(tasks.map((t) => [t.id, { taskId: t.id, model: `model-for-${t.task}`, endpoint: 'huggingface', reason: 'most downloaded', method: 'llm' }])),
  issues: [],
  usage: { llmCalls: 2, promptTokens: 10, completionTokens: 5 },
});
