// The parser against what LLMs really write: each row is an answer and the plan (or error) it must give.
import { describe, expect, it } from 'vitest';
import type { PlanTask } from '../../src-shared/plan';
import { parsePartialPlan, parsePlanText, PlanParseError, type PlanParseErrorKind } from '../../src-main/engine/planner/parse-plan';

const t = (id: number, task: string, dep: number[], args: Record<string, string>): PlanTask => ({ id, task, dep, args });
const caption = [t(0, 'image-to-text', [-1], { image: 'a.jpg' })];
const chain = [t(0, 'image-to-text', [-1], { image: 'a.jpg' }), t(1, 'text-to-speech', [0], { text: '<resource>-0' })];
const CHAIN_JSON = '[{"task": "image-to-text", "id": 0, "dep": [-1], "args": {"image": "a.jpg"}}, {"task": "text-to-speech", "id": 1, "dep": [0], "args": {"text": "<resource>-0"}}]';
const pose = [t(0, 'pose-detection', [-1], { image: 'e.jpg' }), t(1, 'pose-text-to-image', [0], { text: 'a girl', image: '<resource>-0' })];
const poseWith = (ref: string) =>
  `[{"task": "pose-detection", "id": 0, "dep": [-1], "args": {"image": "e.jpg"}}, {"task": "pose-text-to-image", "id": 1, "dep": [0], "args": {"text": "a girl", "image": "${ref}"}}]`;

const OK: Array<[string, string, PlanTask[]]> = [
  ['clean JSON', CHAIN_JSON, chain],
  ['prose around the JSON', `Sure! Here is the plan:\n${CHAIN_JSON}\nLet me know if you need more.`, chain],
  ['a json code fence', '```json\n' + CHAIN_JSON + '\n```', chain],
  ['a code fence without language, prose outside with brackets', 'Plan [draft]:\n```\n' + CHAIN_JSON + '\n```\n(see [1])', chain],
  ['a bare task object', '{"task": "image-to-text", "id": 0, "dep": [-1], "args": {"image": "a.jpg"}}', caption],
  ['objects without the outer brackets', CHAIN_JSON.slice(1, -1), chain],
  ['one object per line', '{"task": "image-to-text", "id": 0, "dep": [-1], "args": {"image": "a.jpg"}}\n{"task": "text-to-speech", "id": 1, "dep": [0], "args": {"text": "<resource>-0"}}', chain],
  ['a missing opening bracket (paper demo)', CHAIN_JSON.slice(1), chain],
  ['a {"tasks": [...]} wrapper', `{"tasks": ${CHAIN_JSON}}`, chain],
  ['a {"plan": [...]} wrapper', `{"plan": ${CHAIN_JSON}}`, chain],
  ['a wrapper with a "type" key', `{"type": "plan", "tasks": ${CHAIN_JSON}}`, chain],
  ['a doubly nested wrapper', `{"result": {"tasks": ${CHAIN_JSON}}}`, chain],
  ['single quotes', CHAIN_JSON.replace(/"/g, "'"), chain],
  ['trailing commas', '[{"task": "image-to-text", "id": 0, "dep": [-1,], "args": {"image": "a.jpg",},},]', caption],
  ['line comments', '[ // the plan\n{"task": "image-to-text", "id": 0, "dep": [-1], // first\n "args": {"image": "a.jpg"}}]', caption],
  ['block comments', '[/* one task */ {"task": "image-to-text", "id": 0, "dep": [-1], "args": {"image": "a.jpg"}}]', caption],
  ['stray closing braces (paper demo)', CHAIN_JSON.replace('"a.jpg"}}', '"a.jpg"}}}'), chain],
  ['an object missing its closing brace before ]', '[{"task": "image-to-text", "id": 0, "dep": [-1], "args": {"image": "a.jpg"}]', caption],
  ['ids as strings', CHAIN_JSON.replace('"id": 0', '"id": "0"').replace('"id": 1', '"id": "1"'), chain],
  ['deps as strings', CHAIN_JSON.replace('[-1]', '["-1"]').replace('"dep": [0]', '"dep": ["0"]'), chain],
  ['dep as a bare number', CHAIN_JSON.replace('[-1]', '-1').replace('"dep": [0]', '"dep": 0'), chain],
  ['dep as a string list', CHAIN_JSON.replace('"dep": [0]', '"dep": "0"'), chain],
  ['dep omitted: the reference decides', CHAIN_JSON.replace('"dep": [0], ', ''), chain],
  ['dep empty: -1', CHAIN_JSON.replace('[-1]', '[]'), chain],
  ['dep null', CHAIN_JSON.replace('[-1]', 'null'), chain],
  ['Python literals', CHAIN_JSON.replace('[-1]', 'None'), chain],
  ['deps written as references', CHAIN_JSON.replace('"dep": [0]', '"dep": ["<GENERATED>-0"]'), chain],
  ['<resource-N>', poseWith('<resource-0>'), pose],
  ['<GENERATED>-N', poseWith('<GENERATED>-0'), pose],
  ['<GENERATED-N>', poseWith('<GENERATED-0>'), pose],
  ['lower-case <generated>-N', poseWith('<generated>-0'), pose],
  ['spaces and underscores in the reference', poseWith('< Resource >_0'), pose],
  ['bare <GENERATED> with one dependency', poseWith('<GENERATED>'), pose],
  ['a reference missing from dep adds the dependency', poseWith('<resource>-0').replace('"dep": [0]', '"dep": [-1]'), pose],
  ['unquoted keys and values', '[{task: image-to-text, id: 0, dep: [-1], args: {image: a.jpg}}, {task: text-to-speech, id: 1, dep: [0], args: {text: <resource>-0}}]', chain],
  ['missing commas between members', '[{"task": "image-to-text" "id": 0 "dep": [-1] "args": {"image": "a.jpg"}}]', caption],
  ['missing ids', '[{"task": "image-to-text", "dep": [-1], "args": {"image": "a.jpg"}}, {"task": "text-to-speech", "dep": [0], "args": {"text": "<resource>-0"}}]', chain],
  ['typographic quotes', '[{\u201ctask\u201d: \u201cimage-to-text\u201d, \u201cid\u201d: 0, \u201cdep\u201d: [-1], \u201cargs\u201d: {\u201cimage\u201d: \u201ca.jpg\u201d}}]', caption],
  ['other key spellings', '[{"task_name": "image-to-text", "task_id": 0, "dependencies": [], "arguments": {"image": "a.jpg"}}]', caption],
  ['non-string argument values', '[{"task": "zero-shot-classification", "id": 0, "dep": [-1], "args": {"text": 42, "candidate_labels": ["cat", "dog"]}}]', [t(0, 'zero-shot-classification', [-1], { text: '42', candidate_labels: 'cat, dog' })]],
  ['null arguments dropped (structured output)', '{"tasks": [{"task": "image-to-text", "id": 0, "dep": [-1], "args": {"image": "a.jpg", "text": null}}]}', caption],
  ['a nested list', `[${CHAIN_JSON}]`, chain],
  ['an empty list: plain conversation', '[]', []],
  ['an empty wrapper', '{"tasks": []}', []],
  ['an empty list in prose', 'No model is needed here, so the plan is: []', []],
  ['prose brackets before the plan', 'I will do it in [2] steps: ' + CHAIN_JSON, chain],
  ['escapes in strings', '[{"task": "text-to-image", "id": 0, "dep": [-1], "args": {"text": "a \\"red\\" car\\nat night \\u263A"}}]', [t(0, 'text-to-image', [-1], { text: 'a "red" car\nat night \u263A' })]],
  ['__proto__ keys as plain data', '[{"__proto__": {"x": 1}, "task": "image-to-text", "id": 0, "dep": [-1], "args": {"image": "a.jpg", "__proto__": "b"}}]', [t(0, 'image-to-text', [-1], { image: 'a.jpg', ['__proto__']: 'b' })]],
  ['task names kept as written', '[{"task": " Pose Detection ", "id": 0, "dep": [-1], "args": {"image": "e.jpg"}}]', [t(0, 'Pose Detection', [-1], { image: 'e.jpg' })]],
];

const FAIL: Array<[string, string, PlanParseErrorKind]> = [
  ['prose only', 'Hello! How can I help you today?', 'no-plan'],
  ['an empty answer', '', 'no-plan'],
  ['cut off in the middle', CHAIN_JSON.slice(0, 90), 'incomplete'],
  ['an unclosed string', '[{"task": "image-to-text", "id": 0, "args": {"image": "a.jpg}}]', 'incomplete'],
  ['a missing colon', '[{"task": "image-to-text", "id" 0}]', 'malformed'],
  ['a list item that is not a task', '[{"task": "image-to-text", "id": 0}, {"note": "done"}]', 'malformed'],
  ['an invalid first item is never dropped', '[{"task": null, "id": 0, "dep": [-1], "args": {}}, {"task": "text-to-speech", "id": 1, "dep": [-1], "args": {"text": "hi"}}]', 'malformed'],
  ['an invalid item inside a wrapper', '{"tasks": [{"task": "image-to-text", "id": 0}, 42, {"task": "text-to-speech", "id": 1}]}', 'malformed'],
  ['a bare word that is a property of Object.prototype', '[constructor, toString]', 'no-plan'],
  ['a list of strings', '["image-to-text", "text-to-speech"]', 'no-plan'],
  ['an answer too long to be a plan', '[' + ' '.repeat(300_000) + ']', 'too-long'],
];

describe('parsePlanText on real-world LLM output', () => {
  it('has a table of at least 40 malformed answers', () => expect(OK.length + FAIL.length).toBeGreaterThanOrEqual(40));

  it.each(OK)('reads %s', (_name, raw, expected) => {
    expect(parsePlanText(raw)).toEqual(expected);
  });

  it.each(FAIL)('refuses %s', (_name, raw, kind) => {
    let caught: unknown;
    try {
      parsePlanText(raw);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(PlanParseError);
    expect((caught as PlanParseError).kind).toBe(kind);
    expect((caught as PlanParseError).message.length).toBeGreaterThan(10);
  });
});

describe('an invalid item', () => {
  it('is an error naming the item, not a shorter plan', () => {
    expect(() => parsePlanText('[{"task": null, "id": 0}, {"task": "text-to-speech", "id": 1, "args": {"text": "hi"}}]')).toThrow(/task 1 of the task list is not a task \(it has no "task" name\)/);
    expect(() => parsePlanText('[{"task": "image-to-text", "id": 0}, "and then speak"]')).toThrow(/task 2 of the task list is not a task/);
  });
});

describe('parsePartialPlan while the answer streams', () => {
  it('returns only the complete task objects so far', () => {
    const cut = CHAIN_JSON.indexOf('"text-to-speech"') + 5;
    expect(parsePartialPlan(CHAIN_JSON.slice(0, cut))).toEqual(caption);
    expect(parsePartialPlan(CHAIN_JSON)).toEqual(chain);
    expect(parsePartialPlan(`{"tasks": ${CHAIN_JSON.slice(0, -1)}`)).toEqual(chain);
  });

  it('returns nothing before the first task is closed, and never throws', () => {
    expect(parsePartialPlan('[{"task": "image-to-text", "args": {"image": "a.jpg"}')).toEqual([]);
    expect(parsePartialPlan('}}}{{{"\'')).toEqual([]);
  });
});
