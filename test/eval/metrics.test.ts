// Each planning metric on small examples whose expected numbers were worked out by hand.
import { editDistance } from '../../src-shared/edit-distance';
import { describe, expect, it } from 'vitest';
import {
  argumentItems,
  comparePlans,
  dependencyEdges,
  multisetDifference,
  multisetIntersectionSize,
  normalizedEditDistance,
  taskNameSequence,
} from '../../src-main/engine/eval/metrics';
import { microF1, microPrecision, microRecall } from '../../src-main/engine/eval/score';
import type { PlanTask } from '../../src-shared/plan';

const t = (id: number, task: string, args: Record<string, string> = {}, dep: number[] = [-1]): PlanTask => ({ id, task, dep, args });

describe('multisets', () => {
  it('counts repeats once per match', () => {
    expect(multisetIntersectionSize(['a', 'a', 'b'], ['a', 'b', 'b', 'c'])).toBe(2);
    expect(multisetIntersectionSize(['a', 'a'], ['a', 'a'])).toBe(2);
    expect(multisetIntersectionSize([], ['a'])).toBe(0);
    expect(multisetDifference(['a', 'a', 'b'], ['a', 'c'])).toEqual(['a', 'b']);
  });
});

describe('edit distance', () => {
  it('is Levenshtein over sequences', () => {
    expect(editDistance([...'kitten'], [...'sitting'])).toBe(3);
    expect(editDistance(['a', 'b', 'c'], ['a', 'c'])).toBe(1);
    expect(editDistance(['a', 'b'], ['b', 'a'])).toBe(2);
    expect(editDistance([], ['a', 'b'])).toBe(2);
  });

  it('is divided by the longer length, 0 for two empty sequences and 1 against an empty one', () => {
    expect(normalizedEditDistance([], [])).toBe(0);
    expect(normalizedEditDistance([], ['a'])).toBe(1);
    expect(normalizedEditDistance(['a', 'b'], [])).toBe(1);
    expect(normalizedEditDistance(['a', 'b', 'c'], ['a', 'c'])).toBeCloseTo(1 / 3, 10);
    expect(normalizedEditDistance([...'kitten'], [...'sitting'])).toBeCloseTo(3 / 7, 10);
  });

  it('orders tasks by id', () => {
    expect(taskNameSequence([t(2, 'c'), t(0, 'a'), t(1, 'b')])).toEqual(['a', 'b', 'c']);
  });
});

describe('precision, recall and F1 from counts', () => {
  it('follows the micro-averaged definitions', () => {
    const c = { matched: 5, predicted: 6, expected: 8 };
    expect(microPrecision(c)).toBeCloseTo(5 / 6, 10);
    expect(microRecall(c)).toBeCloseTo(5 / 8, 10);
    expect(microF1(c)).toBeCloseTo(10 / 14, 10);
  });

  it('scores empty sides: nothing predicted is precision 0 when something was expected, both empty is 1', () => {
    expect(microPrecision({ matched: 0, predicted: 0, expected: 3 })).toBe(0);
    expect(microRecall({ matched: 0, predicted: 0, expected: 3 })).toBe(0);
    expect(microF1({ matched: 0, predicted: 0, expected: 3 })).toBe(0);
    expect(microRecall({ matched: 0, predicted: 2, expected: 0 })).toBe(0);
    expect(microPrecision({ matched: 0, predicted: 0, expected: 0 })).toBe(1);
    expect(microF1({ matched: 0, predicted: 0, expected: 0 })).toBe(1);
  });
});

describe('edges and arguments', () => {
  const plan = [
    t(0, 'image-to-text', { image: 'x.jpg' }),
    t(1, 'automatic-speech-recognition', { audio: 'q.wav' }),
    t(2, 'visual-question-answering', { image: 'x.jpg', text: 'Answer <resource>-1 about <resource>-0' }, [1, 0]),
    t(3, 'text-to-speech', { text: '<resource>-9' }, [9]),
  ];

  it('names dependency edges by task names and drops deps on unknown ids', () => {
    expect(dependencyEdges(plan)).toEqual([
      ['automatic-speech-recognition', 'visual-question-answering'],
      ['image-to-text', 'visual-question-answering'],
    ]);
  });

  it('lists arguments per task name, with references shown as the referenced task', () => {
    const items = argumentItems(plan);
    expect(items.names).toEqual([
      'image-to-text.image',
      'automatic-speech-recognition.audio',
      'visual-question-answering.image',
      'visual-question-answering.text',
      'text-to-speech.text',
    ]);
    expect(items.values[3]).toBe('visual-question-answering.text=Answer <automatic-speech-recognition> about <image-to-text>');
    expect(items.values[4]).toBe('text-to-speech.text=<resource>-9');
  });
});

describe('comparePlans', () => {
  const expected = [t(0, 'image-to-text', { image: 'x.jpg' }), t(1, 'text-to-speech', { text: '<resource>-0' }, [0])];

  it('gives the counts of one request (worked by hand)', () => {
    // predicted names [itt, tts, tc] vs [itt, tts]: 2 of 3 / 2; edges itt->tts matches, itt->tc is extra.
    const predicted = [
      t(0, 'image-to-text', { image: 'x.jpg' }),
      t(1, 'text-to-speech', { text: '<resource>-0' }, [0]),
      t(2, 'text-classification', { text: '<resource>-0' }, [0]),
    ];
    const c = comparePlans(expected, predicted);
    expect(c.names).toEqual({ matched: 2, predicted: 3, expected: 2 });
    expect(c.edges).toEqual({ matched: 1, predicted: 2, expected: 1 });
    expect(c.argNames).toEqual({ matched: 2, predicted: 3, expected: 2 });
    expect(c.argValues).toEqual({ matched: 2, predicted: 3, expected: 2 });
    expect(c.exactMatch).toBe(false);
    expect(c.editDistance).toBeCloseTo(1 / 3, 10);
    expect(c.extraTasks).toEqual(['text-classification']);
    expect(c.missingTasks).toEqual([]);
    expect(c.extraEdges).toEqual([['image-to-text', 'text-classification']]);
    expect(c.extraArgs).toEqual(['text-classification.text=<image-to-text>']);
  });

  it('matches references whatever ids the prediction uses, but the edit distance sees the order', () => {
    const swapped = [t(0, 'text-to-speech', { text: '<resource>-1' }, [1]), t(1, 'image-to-text', { image: 'x.jpg' })];
    const c = comparePlans(expected, swapped);
    expect(c.exactMatch).toBe(true);
    expect(c.edges.matched).toBe(1);
    expect(c.argValues.matched).toBe(2);
    expect(c.editDistance).toBe(1);
  });

  it('compares task names exactly as written', () => {
    const c = comparePlans(expected, [t(0, 'image-captioning', { image: 'x.jpg' }), t(1, 'text-to-speech', { text: '<resource>-0' }, [0])]);
    expect(c.names.matched).toBe(1);
    expect(c.missingTasks).toEqual(['image-to-text']);
    expect(c.extraTasks).toEqual(['image-captioning']);
    expect(c.missingEdges).toEqual([['image-to-text', 'text-to-speech']]);
    expect(c.editDistance).toBe(0.5);
  });

  it('scores an empty prediction against a plan: nothing matched, edit distance 1', () => {
    const c = comparePlans(expected, []);
    expect(c.names).toEqual({ matched: 0, predicted: 0, expected: 2 });
    expect(c.editDistance).toBe(1);
    expect(c.exactMatch).toBe(false);
  });
});
