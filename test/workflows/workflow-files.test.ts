import { describe, expect, it } from 'vitest';
import type { PlanTask } from '../../src-shared/plan';
import type { ResourceRef } from '../../src-shared/resources';
import { WORKFLOW_VERSION } from '../../src-shared/workflow';
import { instantiateWorkflow } from '../../src-main/service/workflows/instantiate-workflow';
import { migrateWorkflow } from '../../src-main/service/workflows/migrate-workflow';
import { workflowFromRun } from '../../src-main/service/workflows/workflow-from-run';

const photo: ResourceRef = { hash: 'a'.repeat(64), ext: 'jpg', mime: 'image/jpeg', size: 10, name: 'boy.jpg' };
const other: ResourceRef = { hash: 'b'.repeat(64), ext: 'png', mime: 'image/png', size: 20, name: 'new.png' };

const tasks: PlanTask[] = [
  { id: 0, task: 'openpose-control', dep: [-1], args: { image: 'boy.jpg' } },
  { id: 1, task: 'openpose-text-to-image', dep: [0], args: { image: '<resource>-0', text: 'a girl reading a book' } },
  { id: 2, task: 'image-to-text', dep: [1], args: { image: '<resource>-1' } },
];
const selections = {
  0: { taskId: 0, model: 'lllyasviel/sd-controlnet-openpose', endpoint: 'local', reason: 'only one', method: 'only-candidate' as const },
  1: { taskId: 1, model: 'lllyasviel/control_v11p_sd15_openpose', endpoint: 'local', reason: 'best', method: 'llm' as const },
};

describe('workflowFromRun', () => {
  it('turns user files and literal texts into named inputs with defaults, keeping references', () => {
    const wf = workflowFromRun({ name: 'pose to image', tasks, selections, userResources: { 'boy.jpg': photo } });
    expect(wf.version).toBe(WORKFLOW_VERSION);
    expect(wf.inputs).toEqual([
      { name: 'boy', modality: 'image', description: 'the image file (was boy.jpg)', default: 'boy.jpg', defaultResource: photo },
      { name: 'text', modality: 'text', description: 'text for text', default: 'a girl reading a book', defaultResource: undefined },
    ]);
    expect(wf.tasks[0].args).toEqual({ image: '{{boy}}' });
    expect(wf.tasks[1].args).toEqual({ image: '<resource>-0', text: '{{text}}' });
    expect(wf.models['1']).toEqual({ model: 'lllyasviel/control_v11p_sd15_openpose', endpoint: 'local', reason: 'best' });
    expect(wf.models['2']).toBeUndefined();
  });

  it('gives one input to a value used twice and distinct names to distinct values', () => {
    const wf = workflowFromRun({
      name: 'qa',
      tasks: <PlanTask[]>[
        { id: 0, task: 'visual-question-answering', dep: [-1], args: { image: 'a.jpg', text: 'what is it?' } },
        { id: 1, task: 'image-to-text', dep: [-1], args: { image: 'a.jpg' } },
        { id: 2, task: 'text-to-speech', dep: [-1], args: { text: 'hello' } },
      ],
      selections: {},
      userResources: { 'a.jpg': photo },
    });
    expect(wf.inputs.map((i) => i.name)).toEqual(['a', 'text', 'text_2']);
    expect(wf.tasks[1].args.image).toBe('{{a}}');
  });
});

describe('instantiateWorkflow', () => {
  const wf = workflowFromRun({ name: 'pose', tasks, selections, userResources: { 'boy.jpg': photo } });

  it('uses defaults, including the stored default file', () => {
    const run = instantiateWorkflow(wf, {});
    expect(run.tasks[0].args.image).toBe('boy.jpg');
    expect(run.userResources).toEqual({ 'boy.jpg': photo });
    expect(run.selections[1]).toMatchObject({ model: 'lllyasviel/control_v11p_sd15_openpose', method: 'user' });
  });

  it('substitutes given files and texts', () => {
    const run = instantiateWorkflow(wf, { boy: { file: other, name: 'new.png' }, text: { text: 'a cat dancing' } });
    expect(run.tasks[0].args.image).toBe('new.png');
    expect(run.tasks[1].args).toEqual({ image: '<resource>-0', text: 'a cat dancing' });
    expect(run.userResources).toEqual({ 'new.png': other });
  });

  it('refuses unknown inputs, naming the real ones', () => {
    expect(() => instantiateWorkflow(wf, { photo: { text: 'x' } })).toThrow('the workflow has no input "photo" (inputs: boy, text)');
  });

  it('refuses a missing input without default', () => {
    const bare = { ...wf, inputs: [{ ...wf.inputs[0], default: undefined, defaultResource: undefined }], tasks: [wf.tasks[0]] };
    expect(() => instantiateWorkflow(bare, {})).toThrow('input "boy" has no value and no default');
  });
});

describe('migrateWorkflow', () => {
  it('accepts the current version unchanged', () => {
    const wf = workflowFromRun({ name: 'pose', tasks, selections, userResources: { 'boy.jpg': photo } });
    expect(migrateWorkflow(JSON.parse(JSON.stringify(wf)))).toEqual(JSON.parse(JSON.stringify(wf)));
  });

  it('migrates version 0 (graph.nodes with models on nodes)', () => {
    const v0 = {
      name: 'old',
      graph: { nodes: [{ id: 0, task: 'image-to-text', dep: [-1], args: { image: '{{photo}}' }, model: 'Salesforce/blip-image-captioning-large' }] },
      inputs: [{ name: 'photo', modality: 'image' }],
    };
    const wf = migrateWorkflow(v0);
    expect(wf.version).toBe(1);
    expect(wf.tasks).toEqual([{ id: 0, task: 'image-to-text', dep: [-1], args: { image: '{{photo}}' } }]);
    expect(wf.models['0']).toEqual({ model: 'Salesforce/blip-image-captioning-large', endpoint: 'huggingface', reason: 'pinned' });
  });

  it('refuses newer versions and malformed files with a clear message', () => {
    expect(() => migrateWorkflow({ version: 99, name: 'x' })).toThrow(/saved by a newer HuggingGPT Studio \(version 99/);
    expect(() => migrateWorkflow([])).toThrow('a workflow file must hold a JSON object');
    expect(() => migrateWorkflow({ version: 1, name: '', createdAt: 'x', inputs: [], tasks: [], models: {} })).toThrow(/invalid workflow: name/);
    expect(() => migrateWorkflow({ version: 'two' })).toThrow('unknown workflow version "two"');
  });
});
