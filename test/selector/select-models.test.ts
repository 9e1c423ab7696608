import { describe, expect, it } from 'vitest';
import type { PlanTask } from '../../src-shared/plan';
import { LlmError } from '../../src-main/engine/chat-model';
import { selectModels } from '../../src-main/engine/selector/select-models';
import { parseSelectionAnswer } from '../../src-main/engine/selector/selection-prompt';
import { CATALOG, HF, localEndpoint, ScriptedChat, settingsWith } from './support';

const task = (id: number, type: string, args: Record<string, string> = { image: 'example.jpg' }, dep = [-1]): PlanTask => ({ id, task: type, dep, args });
const cloud = settingsWith({ huggingface: HF, execution: { mode: 'huggingface' } });
const choices = (list: Array<[number, string, string]>) => JSON.stringify({ choices: list.map(([t, id, reason]) => ({ task: t, id, reason })) });

describe('selectModels', () => {
  it('makes one LLM call for all tasks that need a choice, with every task and its candidates in the prompt', async () => {
    const chat = new ScriptedChat(choices([[0, 'hustvl/yolos-tiny', 'small and fast'], [1, 'nlpconnect/vit-gpt2-image-captioning', 'good captions']]));
    const tasks = [task(0, 'object-detection'), task(1, 'image-to-text', { image: '<resource>-0' }, [0])];
    const result = await selectModels({ tasks, settings: cloud, catalog: CATALOG, chat });

    expect(chat.requests).toHaveLength(1);
    const prompt = chat.requests[0].messages.map((m) => m.content).join('\n');
    expect(prompt).toContain('Task 0: object-detection');
    expect(prompt).toContain('Task 1: image-to-text; args: image="<resource>-0"');
    expect(prompt).toContain('facebook/detr-resnet-50 | 2k downloads');
    expect(chat.requests[0].jsonSchema?.name).toBe('model_choices');
    expect(result.selections[0]).toEqual({ taskId: 0, model: 'hustvl/yolos-tiny', endpoint: 'huggingface', reason: 'small and fast', method: 'llm' });
    expect(result.selections[1].model).toBe('nlpconnect/vit-gpt2-image-captioning');
    expect(result.usage).toEqual({ llmCalls: 1, promptTokens: 100, completionTokens: 20 });
    expect(result.unavailable).toEqual({});
  });

  it('sends only the top K candidates to the LLM', async () => {
    const chat = new ScriptedChat(choices([[0, 'facebook/detr-resnet-50', 'x']]));
    await selectModels({ tasks: [task(0, 'object-detection')], settings: settingsWith({ huggingface: HF, selection: { topK: 2 } }), catalog: CATALOG, chat });
    const prompt = chat.requests[0].messages[1].content;
    expect(prompt).toContain('microsoft/table-transformer-detection');
    expect(prompt).not.toContain('hustvl/yolos-tiny');
  });

  it('takes a single candidate without calling the LLM', async () => {
    const chat = new ScriptedChat(new Error('must not be called'));
    const result = await selectModels({ tasks: [task(0, 'automatic-speech-recognition', { audio: 'a.wav' })], settings: cloud, catalog: CATALOG, chat });
    expect(chat.requests).toHaveLength(0);
    expect(result.selections[0]).toMatchObject({ model: 'openai/whisper-large-v3', method: 'only-candidate', endpoint: 'huggingface' });
    expect(result.usage.llmCalls).toBe(0);
  });

  it('keeps user overrides as they are and asks the LLM only about the rest', async () => {
    const chat = new ScriptedChat(choices([[1, 'Salesforce/blip-image-captioning-large', 'best captions']]));
    const overrides = { 0: { taskId: 0, model: 'hustvl/yolos-tiny', endpoint: 'vision', reason: 'my pick', method: 'user' as const } };
    const tasks = [task(0, 'object-detection'), task(1, 'image-to-text')];
    const result = await selectModels({ tasks, settings: cloud, catalog: CATALOG, chat, overrides });
    expect(result.selections[0]).toEqual(overrides[0]);
    expect(chat.requests[0].messages[1].content).not.toContain('Task 0');
    expect(result.selections[1].method).toBe('llm');
  });

  it('lets the LLM do text-only tasks itself when allowed, and selects models for them otherwise', async () => {
    const tasks = [task(0, 'summarization', { text: 'long text' })];
    const itself = await selectModels({ tasks, settings: cloud, catalog: CATALOG, chat: new ScriptedChat(new Error('no call')) });
    expect(itself.selections[0]).toMatchObject({ endpoint: 'llm', method: 'llm-itself', model: 'gpt-4o-mini' });
    const off = settingsWith({ huggingface: HF, selection: { llmDoesTextTasks: false } });
    const viaModel = await selectModels({ tasks, settings: off, catalog: CATALOG, chat: new ScriptedChat(new Error('no call')) });
    expect(viaModel.selections[0]).toMatchObject({ model: 'facebook/bart-large-cnn', method: 'only-candidate' });
  });

  it('reports tasks nobody can serve with a fix, and still selects the others', async () => {
    const chat = new ScriptedChat(new Error('no call'));
    const settings = settingsWith({ execution: { mode: 'local' }, endpoints: [localEndpoint('asr', 'http://127.0.0.1:8010', [{ id: 'openai/whisper-large-v3', task: 'asr' }])] });
    const result = await selectModels({ tasks: [task(0, 'object-detection'), task(1, 'automatic-speech-recognition', { audio: 'a.wav' })], settings, catalog: CATALOG, chat });
    expect(result.unavailable[0]).toMatch(/add a local endpoint serving task "object-detection"/);
    expect(result.selections[0]).toBeUndefined();
    expect(result.selections[1]).toMatchObject({ model: 'openai/whisper-large-v3', endpoint: 'asr' });
  });

  it('falls back to the top-ranked candidate when the LLM picks a model outside the candidates', async () => {
    const chat = new ScriptedChat(choices([[0, 'evil/model', 'trust me']]));
    const result = await selectModels({ tasks: [task(0, 'object-detection')], settings: cloud, catalog: CATALOG, chat });
    expect(result.selections[0]).toMatchObject({ model: 'facebook/detr-resnet-50', method: 'fallback' });
    expect(result.selections[0].reason).toContain('"evil/model", which is not among the candidates');
  });

  it('falls back for every task when the answer is unreadable, or a task is missing from it', async () => {
    const tasks = [task(0, 'object-detection'), task(1, 'image-to-text')];
    const garbled = await selectModels({ tasks, settings: cloud, catalog: CATALOG, chat: new ScriptedChat('I think DETR is nice.') });
    expect(Object.values(garbled.selections).map((s) => [s.model, s.method])).toEqual([
      ['facebook/detr-resnet-50', 'fallback'],
      ['Salesforce/blip-image-captioning-large', 'fallback'],
    ]);
    expect(garbled.usage.llmCalls).toBe(1);
    expect(garbled.selections[0].reason).toMatch(/model choice could not be used \(the answer contains no model choices/);
    const partial = await selectModels({ tasks, settings: cloud, catalog: CATALOG, chat: new ScriptedChat(choices([[1, 'nlpconnect/vit-gpt2-image-captioning', 'ok']])) });
    expect(partial.selections[0]).toMatchObject({ method: 'fallback', reason: expect.stringContaining('no choice for this task') });
    expect(partial.selections[1]).toMatchObject({ method: 'llm', model: 'nlpconnect/vit-gpt2-image-captioning' });
  });

  it('falls back when the LLM call fails, but lets cancellation through', async () => {
    const tasks = [task(0, 'object-detection')];
    const failed = await selectModels({ tasks, settings: cloud, catalog: CATALOG, chat: new ScriptedChat(new LlmError('network', 'connection refused')) });
    expect(failed.selections[0]).toMatchObject({ method: 'fallback', reason: expect.stringContaining('connection refused') });
    await expect(selectModels({ tasks, settings: cloud, catalog: CATALOG, chat: new ScriptedChat(new LlmError('cancelled', 'stopped')) })).rejects.toThrow('stopped');
  });

  it('does not request JSON-schema output from servers configured without structured output', async () => {
    const chat = new ScriptedChat(choices([[0, 'facebook/detr-resnet-50', 'x']]));
    await selectModels({ tasks: [task(0, 'object-detection')], settings: settingsWith({ huggingface: HF, llm: { structuredOutput: false } }), catalog: CATALOG, chat });
    expect(chat.requests[0].jsonSchema).toBeUndefined();
  });
});

describe('parseSelectionAnswer', () => {
  it('reads answers in code fences, with prose around, as a bare array, or with string ids', () => {
    expect(parseSelectionAnswer('Sure!\n```json\n{"choices":[{"task":0,"id":"a/b","reason":"r"}]}\n```\nDone.')).toEqual([{ task: 0, id: 'a/b', reason: 'r' }]);
    expect(parseSelectionAnswer('Here: [{"task":"1","model":" c/d "}, {"task":2,"id":"e/f","reason":"s"}] ok')).toEqual([
      { task: 1, id: 'c/d', reason: '' },
      { task: 2, id: 'e/f', reason: 's' },
    ]);
    expect(parseSelectionAnswer('{"task": 3, "id": "g/h", "reason": "single"}')).toEqual([{ task: 3, id: 'g/h', reason: 'single' }]);
    expect(() => parseSelectionAnswer('{"choices": [{"task": 0}]}')).toThrow(/no model choices/);
    expect(() => parseSelectionAnswer('no json at all')).toThrow(/no model choices/);
    // the planner's repair rules apply: single quotes, trailing commas, comments
    expect(parseSelectionAnswer("{'choices': [{'task': 0, 'id': 'a/b', reason: 'fits',},], // done\n}")).toEqual([{ task: 0, id: 'a/b', reason: 'fits' }]);
  });

  it('refuses an invalid choice by naming it instead of dropping it', () => {
    expect(() => parseSelectionAnswer('{"choices": [{"task": null, "id": "a/b"}, {"task": 1, "id": "c/d"}]}')).toThrow(/choice 1 of the model choices names no task id/);
    expect(() => parseSelectionAnswer('[{"task": 0, "id": "a/b"}, "c/d"]')).toThrow(/choice 2 of the model choices is not a choice/);
  });

  it('matches an id that differs only in case', async () => {
    const chat = new ScriptedChat(choices([[0, 'HUSTVL/YOLOS-TINY', 'x']]));
    const result = await selectModels({ tasks: [task(0, 'object-detection')], settings: cloud, catalog: CATALOG, chat });
    expect(result.selections[0]).toMatchObject({ model: 'hustvl/yolos-tiny', method: 'llm' });
  });
});
