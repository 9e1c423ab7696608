// The bundled evaluation set: every line a correct, runnable annotation, with coverage of types and modalities.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { annotationIssues, modalitiesOf } from '../../src-main/engine/eval/annotation-check';
import { EvalItemSchema, parseDataset, type EvalItem } from '../../src-main/engine/eval/dataset';
import { parsePlanText } from '../../src-main/engine/planner/parse-plan';
import { conversationResources } from '../../src-main/engine/planner/plan-request';
import { validatePlan } from '../../src-main/engine/planner/validate-plan';

const path = fileURLToPath(new URL('../../resources/eval/planning-eval.jsonl', import.meta.url));
const text = readFileSync(path, 'utf8');
const lines = text.split('\n').filter((l) => l.trim());
const items: EvalItem[] = parseDataset(text);

describe('resources/eval/planning-eval.jsonl', () => {
  it('holds at least 60 requests, about 20 of each type', () => {
    expect(items.length).toBeGreaterThanOrEqual(60);
    for (const type of ['single', 'sequential', 'graph'] as const) {
      const n = items.filter((i) => i.type === type).length;
      expect(n, type).toBeGreaterThanOrEqual(18);
      expect(n, type).toBeLessThanOrEqual(26);
    }
  });

  it.each(lines.map((line, index) => [index + 1, line] as const))('line %i is a correct annotation', (_lineNo, line) => {
    const parsed = EvalItemSchema.safeParse(JSON.parse(line));
    expect(parsed.success, parsed.error?.message).toBe(true);
    const item = parsed.data!;
    expect(Object.keys(JSON.parse(line))).toEqual(['id', 'type', 'request', 'tasks']);
    expect(item.tasks.map((t) => t.id)).toEqual(item.tasks.map((_, i) => i));
    expect(annotationIssues(item)).toEqual([]);
  });

  it('covers text, image, audio and video, each in every request type', () => {
    for (const type of ['single', 'sequential', 'graph'] as const) {
      const seen = new Set(items.filter((i) => i.type === type).flatMap((i) => [...modalitiesOf(i)]));
      for (const modality of ['text', 'image', 'audio', 'video'] as const) expect(seen.has(modality), `${type} ${modality}`).toBe(true);
    }
  });

  it("passes the app's own parser and plan validator unchanged, with the files named in each request", () => {
    for (const item of items) {
      const parsed = parsePlanText(JSON.stringify(item.tasks));
      expect(parsed, item.id).toEqual(item.tasks);
      const userResources = conversationResources({ request: item.request, history: [], attachments: [] });
      expect(validatePlan(parsed, { userResources }).issues, item.id).toEqual([]);
    }
  });

  it('has unique ids and unique requests', () => {
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    expect(new Set(items.map((i) => i.request)).size).toBe(items.length);
  });
});

describe('annotationIssues', () => {
  const base: EvalItem = {
    id: 'x',
    type: 'sequential',
    request: 'Describe example.jpg and read it aloud.',
    tasks: [
      { id: 0, task: 'image-to-text', dep: [-1], args: { image: 'example.jpg' } },
      { id: 1, task: 'text-to-speech', dep: [0], args: { text: '<resource>-0' } },
    ],
  };

  it('accepts a correct annotation', () => {
    expect(annotationIssues(base)).toEqual([]);
  });

  it('names each kind of mistake', () => {
    const broken: EvalItem = {
      ...base,
      tasks: [
        { id: 0, task: 'image-captioning', dep: [-1], args: { image: 'other.jpg' } },
        { id: 2, task: 'text-to-speech', dep: [-1], args: { text: '<resource>-0' } },
        { id: 1, task: 'object-detection', dep: [1], args: { picture: '<resource>-1' } },
      ],
    };
    const issues = annotationIssues(broken).join('\n');
    expect(issues).toContain('"image-captioning" is not a task type');
    expect(issues).toContain('ids must be 0..2 in order');
    expect(issues).toContain('dep [] differs from the referenced outputs [0]');
    expect(issues).toContain('depends on task 1, which does not come before it');
    expect(issues).toContain('"picture" is not an input of object-detection');
    expect(issues).toContain('missing argument "image"');
    expect(issues).toContain('a sequential request is a chain');
  });

  it('refuses a file the request does not name and a reference of the wrong modality', () => {
    const item: EvalItem = {
      ...base,
      type: 'graph',
      tasks: [
        { id: 0, task: 'image-to-text', dep: [-1], args: { image: 'photo.png' } },
        { id: 1, task: 'object-detection', dep: [0], args: { image: '<resource>-0' } },
      ],
    };
    const issues = annotationIssues(item).join('\n');
    expect(issues).toContain('"photo.png" is neither a <resource>-N nor a file named in the request');
    expect(issues).toContain('wants image but task 0 (image-to-text) gives none');
    expect(issues).toContain('a graph request has two or more tasks that do not form a single chain');
  });
});
