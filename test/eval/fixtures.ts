// A four-request dataset with recorded outputs whose metrics were worked out by hand (see score.test.ts).
import type { EvalItem, EvalPrediction } from '../../src-main/engine/eval/dataset';
import { expect } from 'vitest';
import type { PlanTask } from '../../src-shared/plan';

const t = (id: number, task: string, args: Record<string, string>, dep: number[] = [-1]): PlanTask => ({ task, id, dep, args });

/** A: single; B: sequential; C, D: graph. */
export const HAND_DATASET: EvalItem[] = [
  { id: 'A', type: 'single', request: 'What is in a.jpg?', tasks: [t(0, 'object-detection', { image: 'a.jpg' })] },
  {
    id: 'B',
    type: 'sequential',
    request: 'Describe x.jpg and read it aloud.',
    tasks: [t(0, 'image-to-text', { image: 'x.jpg' }), t(1, 'text-to-speech', { text: '<resource>-0' }, [0])],
  },
  {
    id: 'C',
    type: 'graph',
    request: 'How similar are a.wav and b.wav?',
    tasks: [
      t(0, 'automatic-speech-recognition', { audio: 'a.wav' }),
      t(1, 'automatic-speech-recognition', { audio: 'b.wav' }),
      t(2, 'sentence-similarity', { text1: '<resource>-0', text2: '<resource>-1' }, [0, 1]),
    ],
  },
  {
    id: 'D',
    type: 'graph',
    request: 'Draw a cat and say hello.',
    tasks: [t(0, 'text-to-image', { text: 'a cat' }), t(1, 'text-to-speech', { text: 'hello' })],
  },
];

/** Raw outputs: A right task but wrong file; B one extra task; C unusable; D right tasks in another order. */
export const HAND_PREDICTIONS: EvalPrediction[] = [
  { id: 'A', output: JSON.stringify([t(0, 'object-detection', { image: 'a.png' })]) },
  {
    id: 'B',
    output: JSON.stringify([
      t(0, 'image-to-text', { image: 'x.jpg' }),
      t(1, 'text-to-speech', { text: '<resource>-0' }, [0]),
      t(2, 'text-classification', { text: '<resource>-0' }, [0]),
    ]),
  },
  { id: 'C', output: 'Sorry, I cannot help with that.' },
  { id: 'D', output: JSON.stringify([t(0, 'text-to-speech', { text: 'hello' }), t(1, 'text-to-image', { text: 'a cat' })]) },
];

/**
 * The expected numbers, by hand. Per request (matched/predicted/expected):
 *   A names 1/1/1 edges 0/0/0 args 1/1/1 values 0/1/1 exact, ED 0
 *   B names 2/3/2 edges 1/2/1 args 2/3/2 values 2/3/2 not exact, ED 1/3
 *   C names 0/0/3 edges 0/0/2 args 0/0/4 values 0/0/4 not exact, ED 1 (unparsed)
 *   D names 2/2/2 edges 0/0/0 args 2/2/2 values 2/2/2 exact, ED 2/2 = 1
 */
export const HAND_EXPECTED = {
  count: 4,
  parseRate: 3 / 4,
  accuracy: 2 / 4,
  precision: 5 / 6,
  recall: 5 / 8,
  f1: 10 / 14,
  edgeF1: 2 / 5,
  editDistance: (0 + 1 / 3 + 1 + 1) / 4,
  argNameF1: 10 / 15,
  argValueF1: 8 / 15,
  byType: {
    single: { count: 1, parseRate: 1, accuracy: 1, precision: 1, recall: 1, f1: 1, edgeF1: 1, editDistance: 0, argNameF1: 1, argValueF1: 0 },
    sequential: { count: 1, parseRate: 1, accuracy: 0, precision: 2 / 3, recall: 1, f1: 4 / 5, edgeF1: 2 / 3, editDistance: 1 / 3, argNameF1: 4 / 5, argValueF1: 4 / 5 },
    graph: { count: 2, parseRate: 1 / 2, accuracy: 1 / 2, precision: 1, recall: 2 / 5, f1: 4 / 7, edgeF1: 0, editDistance: 1, argNameF1: 4 / 8, argValueF1: 4 / 8 },
  },
};

/** Lines of a JSONL file. */
export const toJsonLines = (rows: unknown[]): string => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';

/** Checks every metric of `actual` against the hand-computed `expected` (to 10 decimals). */
export function expectMetrics(actual: object, expected: Record<string, number>): void {
  for (const [key, value] of Object.entries(expected)) expect((actual as Record<string, unknown>)[key], key).toBeCloseTo(value, 10);
}
