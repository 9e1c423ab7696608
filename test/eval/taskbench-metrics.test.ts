// TaskBench scoring against hand-worked figures, following taskbench/evaluate.py (microsoft/JARVIS) step by
// step, on requests of TaskBench's Hugging Face domain (ids and words from data_huggingface/user_requests.json)
// with its own tool list (data_huggingface/tool_desc.json: ids in order and each first output-type).
import { describe, expect, it } from 'vitest';
import type { PlanTask } from '../../src-shared/plan';
import type { EvalItem } from '../../src-main/engine/eval/dataset';
import { scoreRequests, summarize } from '../../src-main/engine/eval/score';
import { contentType, levenshteinRatio, taskbenchScores, toolList } from '../../src-main/engine/eval/taskbench-metrics';
import { parsePlanText } from '../../src-main/engine/planner/parse-plan';

const HF_TOOLS = toolList(
  ([
    ['Token Classification', 'text'], ['Translation', 'text'], ['Summarization', 'text'], ['Question Answering', 'text'],
    ['Conversational', 'text'], ['Text Generation', 'text'], ['Sentence Similarity', 'none'], ['Tabular Classification', 'text'],
    ['Object Detection', 'text'], ['Image Classification', 'text'], ['Image-to-Image', 'image'], ['Image-to-Text', 'text'],
    ['Text-to-Image', 'image'], ['Text-to-Video', 'video'], ['Visual Question Answering', 'text'], ['Document Question Answering', 'text'],
    ['Image Segmentation', 'image'], ['Depth Estimation', 'image'], ['Text-to-Speech', 'audio'], ['Automatic Speech Recognition', 'text'],
    ['Audio-to-Audio', 'audio'], ['Audio Classification', 'text'], ['Image Editing', 'image'],
  ] as const).map(([id, outputType]) => ({ id, outputType })),
);

const t = (id: number, task: string, args: Record<string, string>): PlanTask => ({ id, task, dep: [-1], args });

// 57993067: "I need to identify and label objects in the provided image 'example.jpg'."
const detect = { expected: [t(0, 'Object Detection', { image: 'example.jpg' })], predicted: [t(0, 'Object Detection', { image: 'example.jpg' })] };
// 30123865: summarise an article, edit example.jpg to reflect it, detect objects in the result, make a video from them.
const chain = {
  expected: [
    t(0, 'Summarization', { text: 'a long article about the history of cars' }),
    t(1, 'Image Editing', { image: 'example.jpg', text: '<resource>-0' }),
    t(2, 'Object Detection', { image: '<resource>-1' }),
    t(3, 'Text-to-Video', { text: '<resource>-2' }),
  ],
  predicted: [
    t(0, 'Summarization', { text: 'a long article about the history of cars' }),
    t(1, 'Image-to-Image', { image: 'example.jpg', text: '<resource>-0' }),
    t(2, 'Object Detection', { image: '<resource>-1' }),
    t(3, 'Text-to-Video', { text: '<resource>-2' }),
    t(4, 'Video Editing', { video: '<resource>-3' }), // not in the tool list: ignored by node F1, id 0 for the edit distance
  ],
};

describe('taskbenchScores (evaluate.py, resource dependencies)', () => {
  it('reproduces the hand-worked figures of two real requests', () => {
    const s = taskbenchScores([detect, chain], HF_TOOLS);
    // nodes: TP Object Detection, Summarization, Object Detection, Text-to-Video; FP Image-to-Image; FN Image Editing
    expect(s.precision).toBeCloseTo(0.8, 3);
    expect(s.recall).toBeCloseTo(0.8, 3);
    expect(s.f1).toBeCloseTo(0.8, 3);
    // links: only Object Detection -> Text-to-Video shared; 3 predicted-only, 2 expected-only: 2/7
    expect(s.edgeF1).toBeCloseTo(2 / 7, 3);
    // "task-type" items: TP 4, FP 3, FN 2 -> 8/13; "task-type-value": TP 3, FP 4, FN 3 -> 6/13
    expect(s.argNameF1).toBeCloseTo(8 / 13, 3);
    expect(s.argValueF1).toBeCloseTo(6 / 13, 3);
    // tool-id sequences [9] vs [9] (ratio 1) and [3,11,9,14,0] vs [3,23,9,14] (LCS 3: 6/9): 1 - mean
    expect(s.editDistance).toBeCloseTo(1 - (1 + 6 / 9) / 2, 3);
  });

  it('counts each name once per request (sets) and ignores names outside the tool list on both sides', () => {
    const twice = { expected: [t(0, 'Translation', {}), t(1, 'Translation', {})], predicted: [t(0, 'Translation', {}), t(1, 'Made-up Tool', {})] };
    expect(taskbenchScores([twice], HF_TOOLS)).toMatchObject({ precision: 1, recall: 1, f1: 1 });
  });

  it('uses python-Levenshtein ratio (InDel) and evaluate.py get_content_type', () => {
    expect(levenshteinRatio([], [])).toBe(1);
    expect(levenshteinRatio([1, 2], [2, 1])).toBeCloseTo(0.5, 6);
    expect(levenshteinRatio([1], [])).toBe(0);
    expect([contentType("'photo.JPG'"), contentType('a.wav'), contentType('clip.mp4'), contentType('hello')]).toEqual(['text', 'audio', 'video', 'text']);
  });
});

describe('eval summary with --scoring taskbench and --canonical-names', () => {
  const item = (id: string, tasks: PlanTask[]): EvalItem => ({ id, type: 'single', request: 'caption example.jpg', tasks });
  const dataset = [item('a', [t(0, 'image-to-text', { image: 'example.jpg' })]), item('b', [t(0, 'text-to-speech', { text: 'hi' })])];
  const predictions = [
    { id: 'a', output: '[{"task": "Image-to-Text", "id": 0, "dep": [-1], "args": {"image": "example.jpg"}}]' },
    { id: 'b', output: 'I cannot help with that.' },
  ];

  it('scores only usable plans (TaskBench ignores the rest) and compares names as written unless canonicalised', () => {
    const asWritten = summarize(scoreRequests(dataset, predictions, parsePlanText), false, { scoring: 'taskbench' });
    expect(asWritten).toMatchObject({ scoring: 'taskbench', count: 2, parseRate: 0.5, f1: 0 });
    const canonical = summarize(scoreRequests(dataset, predictions, parsePlanText, true), false, { scoring: 'taskbench' });
    expect(canonical).toMatchObject({ f1: 1, argNameF1: 1, argValueF1: 1, editDistance: 0 });
    const paper = summarize(scoreRequests(dataset, predictions, parsePlanText, true), false);
    expect(paper).toMatchObject({ scoring: 'paper', f1: 2 / 3 }); // the unusable answer counts as an empty plan
  });
});
