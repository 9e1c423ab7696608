// Validation: one clear issue per problem, naming the task; canonical task names; user resources only.
import { describe, expect, it } from 'vitest';
import type { PlanTask } from '../../src-shared/plan';
import { MAX_PLAN_TASKS, validatePlan } from '../../src-main/engine/planner/validate-plan';
import { nearestTaskTypes } from '../../src-main/engine/planner/suggest-task';
import { userResourcesIn } from '../../src-main/engine/planner/user-resources';

const t = (id: number, task: string, dep: number[], args: Record<string, string>): PlanTask => ({ id, task, dep, args });
const given = { userResources: ['e.jpg', '/home/me/talk.wav', 'https://example.com/cat.png', 'data.csv'] };

/** The issue messages for a plan (validated against `given`). */
const problems = (tasks: PlanTask[]) => validatePlan(tasks, given).issues.map((i) => i.message);

describe('validatePlan', () => {
  it('accepts a good graph and makes alias names canonical', () => {
    const result = validatePlan(
      [
        t(0, 'pose-detection', [-1], { image: 'e.jpg' }),
        t(1, 'pose-text-to-image', [0], { image: '<resource>-0', text: 'a girl reading' }),
        t(2, 'Image Captioning', [1], { image: '<resource>-1' }),
        t(3, 'object-detection', [1], { image: '<resource>-1' }),
        t(4, 'summarization', [2, 3], { text: '<resource>-2 and <resource>-3' }),
      ],
      given,
    );
    expect(result.issues).toEqual([]);
    expect(result.tasks.map((x) => x.task)).toEqual(['openpose-control', 'openpose-text-to-image', 'image-to-text', 'object-detection', 'summarization']);
  });

  it('accepts the user\'s URLs, absolute paths and tables, and an empty plan', () => {
    expect(problems([t(0, 'image-classification', [-1], { image: 'https://example.com/cat.png' }), t(1, 'automatic-speech-recognition', [-1], { audio: '/home/me/talk.wav' }), t(2, 'tabular-classification', [-1], { table: './data.csv' })])).toEqual([]);
    expect(validatePlan([], given)).toEqual({ tasks: [], issues: [] });
  });

  const CASES: Array<[string, PlanTask[], RegExp]> = [
    ['an unknown task type, with suggestions', [t(0, 'text-to-imag', [-1], { text: 'a cat' })], /^task 0 \(text-to-imag\): unknown task type; did you mean text-to-image/],
    ['a task without type', [t(0, '', [-1], { text: 'a cat' })], /^task 0 \(no type\): unknown task type$/],
    ['a missing argument', [t(0, 'visual-question-answering', [-1], { image: 'e.jpg' })], /task 0 \(visual-question-answering\): missing argument "text" \(text\)/],
    ['an unknown argument', [t(0, 'image-to-text', [-1], { image: 'e.jpg', prompt: 'x' })], /unknown argument "prompt" \(image-to-text takes image\)/],
    ['a reference of the wrong modality', [t(0, 'image-to-text', [-1], { image: 'e.jpg' }), t(1, 'object-detection', [0], { image: '<resource>-0' })], /task 1 \(object-detection\): argument "image" needs image, but <resource>-0 is task 0 \(image-to-text\), which produces text/],
    ['a text port fed by an image-only task', [t(0, 'depth-estimation', [-1], { image: 'e.jpg' }), t(1, 'summarization', [0], { text: '<resource>-0' })], /argument "text" needs text, but <resource>-0 is task 0 \(depth-estimation\), which produces image/],
    ['a file of the wrong modality', [t(0, 'image-to-text', [-1], { image: '/home/me/talk.wav' })], /argument "image" needs image, but "\/home\/me\/talk.wav" is audio/],
    ['literal text in an image port', [t(0, 'image-to-text', [-1], { image: 'a photo of a cat' })], /argument "image" must be an image file you gave or <resource>-N/],
    ['two references in an image port', [t(0, 'text-to-image', [-1], { text: 'x' }), t(1, 'text-to-image', [-1], { text: 'y' }), t(2, 'image-to-text', [0, 1], { image: '<resource>-0 <resource>-1' })], /must be a single image/],
    ['a reference to a missing task', [t(0, 'text-to-speech', [3], { text: '<resource>-3' })], /task 0 \(text-to-speech\) depends on task 3, which is not in the plan/],
    ['a reference to itself', [t(0, 'summarization', [0], { text: '<resource>-0' })], /task 0 \(summarization\) depends on itself/],
    ['a reference to a later task', [t(0, 'text-to-speech', [1], { text: '<resource>-1' }), t(1, 'image-to-text', [-1], { image: 'e.jpg' })], /task 0 \(text-to-speech\) depends on task 1, which comes later in the plan/],
    ['a cycle', [t(0, 'summarization', [1], { text: '<resource>-1' }), t(1, 'translation', [0], { text: '<resource>-0' })], /tasks 0, 1 wait for each other in a cycle/],
    ['duplicate ids', [t(0, 'image-to-text', [-1], { image: 'e.jpg' }), t(0, 'image-to-text', [-1], { image: 'e.jpg' })], /two tasks have id 0/],
    ['a bare <resource>', [t(0, 'image-to-text', [-1], { image: 'e.jpg' }), t(1, 'text-to-speech', [-1], { text: '<resource>' })], /uses <resource> without saying which task/],
    ['a file the user never gave', [t(0, 'image-to-text', [-1], { image: '/etc/secret.png' })], /task 0 \(image-to-text\): argument "image" reads "\/etc\/secret.png", which you did not give in this conversation/],
    ['a URL the user never gave', [t(0, 'image-to-text', [-1], { image: 'https://evil.example/x.jpg' })], /reads "https:\/\/evil.example\/x.jpg", which you did not give/],
    ['a path hidden in a text argument', [t(0, 'summarization', [-1], { text: 'summarize /home/me/notes.txt please' })], /argument "text" mentions "\/home\/me\/notes.txt", which you did not give/],
    ['a seed that is not a whole number', [t(0, 'text-to-image', [-1], { text: 'a cat', seed: 'random' })], /task 0 \(text-to-image\): argument "seed" must be a whole number/],
    ['too many tasks', Array.from({ length: MAX_PLAN_TASKS + 1 }, (_, i) => t(i, 'text-to-image', [-1], { text: `cat ${i}` })), /the plan has 31 tasks; at most 30 are allowed/],
  ];

  it.each(CASES)('reports %s', (_name, tasks, expected) => {
    const found = problems(tasks);
    expect(found.some((m) => expected.test(m)), found.join('\n')).toBe(true);
  });

  it('attaches issues to the offending task', () => {
    const { issues } = validatePlan([t(0, 'image-to-text', [-1], { image: 'e.jpg' }), t(7, 'text-to-speech', [-1], { image: 'e.jpg' })], given);
    expect(issues.map((i) => i.taskId)).toEqual([7, 7]);
  });
});

describe('task name suggestions', () => {
  it('names the nearest known types', () => {
    expect(nearestTaskTypes('text-to-imag')[0]).toBe('text-to-image');
    expect(nearestTaskTypes('image captioner')[0]).toBe('image-to-text');
    expect(nearestTaskTypes('speech recogniton')[0]).toBe('automatic-speech-recognition');
  });
});

describe('userResourcesIn', () => {
  it.each([
    ['caption /tmp/a.jpg and then example.jpg.', ['/tmp/a.jpg', 'example.jpg']],
    ['see https://x.org/b.png?size=2, and ./c.wav', ['https://x.org/b.png?size=2', 'c.wav']],
    ['look at "my photo.png" and C:\\Users\\me\\d.mp4', ['my photo.png', 'C:\\Users\\me\\d.mp4']],
    ['images/example.jpg? and ~/Pictures/cat.JPEG', ['images/example.jpg', '~/Pictures/cat.JPEG']],
    ['version 1.5 of e.g. the model, no files', []],
    ['a.jpg a.jpg (a.jpg)', ['a.jpg']],
  ])('finds the files in %j', (text, expected) => expect(userResourcesIn(text)).toEqual(expected));

  it('stays linear on hostile text', () => {
    expect(userResourcesIn('a'.repeat(200_000))).toEqual([]);
    expect(userResourcesIn(`${'a/'.repeat(100_000)}x.jpg`)).toHaveLength(0);
  });
});
