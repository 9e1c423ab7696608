// Availability-aware selection: cloud candidates are checked for a live Inference Provider before the LLM
// chooses; task types no provider serves are refused with a reason that names the task and the fixes.
import { describe, expect, it } from 'vitest';
import type { PlanTask } from '../../src-shared/plan';
import type { CloudAvailability, CloudStatus } from '../../src-main/engine/selector/availability';
import { selectModels } from '../../src-main/engine/selector/select-models';
import { CATALOG, HF, localEndpoint, ScriptedChat, settingsWith } from './support';

const task = (id: number, type: string, args: Record<string, string> = { image: 'example.jpg' }): PlanTask => ({ id, task: type, dep: [-1], args });
const cloud = settingsWith({ huggingface: HF, execution: { mode: 'huggingface' } });

/** Availability from a table: models listed are live, others have none; task types in `unserved` have no provider. */
function tableAvailability(live: string[], unserved: string[] = [], unknown: string[] = []): CloudAvailability & { checked: string[] } {
  const checked: string[] = [];
  return {
    checked,
    taskServed: (type) => !unserved.includes(type),
    async check(model): Promise<CloudStatus> {
      checked.push(model);
      if (unknown.includes(model)) return { status: 'unknown', reason: 'the Hub did not answer' };
      return live.includes(model) ? { status: 'live', providers: ['hf-inference'] } : { status: 'none', reason: 'no Inference Provider serves it' };
    },
  };
}

describe('availability-aware selection', () => {
  it('offers the LLM only the models with a live provider, and keeps the others as run-time alternatives', async () => {
    const chat = new ScriptedChat(JSON.stringify({ choices: [{ task: 0, id: 'hustvl/yolos-tiny', reason: 'fast' }] }));
    const availability = tableAvailability(['hustvl/yolos-tiny', 'facebook/detr-resnet-101']);
    const result = await selectModels({ tasks: [task(0, 'object-detection')], settings: cloud, catalog: CATALOG, chat, availability });
    const prompt = chat.requests[0].messages[1].content;
    expect(prompt).toContain('hustvl/yolos-tiny');
    expect(prompt).toContain('facebook/detr-resnet-101');
    expect(prompt).not.toContain('facebook/detr-resnet-50');
    expect(availability.checked.sort()).toEqual(['facebook/detr-resnet-101', 'facebook/detr-resnet-50', 'hustvl/yolos-tiny', 'microsoft/table-transformer-detection']);
    expect(result.selections[0].model).toBe('hustvl/yolos-tiny');
    expect(result.alternatives[0]).toEqual(['facebook/detr-resnet-101']);
  });

  it('keeps a model whose status the Hub could not tell (the run will find out) and needs no LLM call for one live model', async () => {
    const chat = new ScriptedChat(new Error('must not be called'));
    const availability = tableAvailability([], [], ['nlpconnect/vit-gpt2-image-captioning']);
    const result = await selectModels({ tasks: [task(0, 'image-to-text')], settings: cloud, catalog: CATALOG, chat, availability });
    expect(result.selections[0]).toMatchObject({ model: 'nlpconnect/vit-gpt2-image-captioning', method: 'only-candidate' });
  });

  it('refuses a task type no provider serves, without a Hub call, naming the task and the fixes', async () => {
    const availability = tableAvailability(['Salesforce/blip-image-captioning-large'], ['image-to-text']);
    const result = await selectModels({ tasks: [task(0, 'image-to-text')], settings: cloud, catalog: CATALOG, chat: new ScriptedChat(new Error('no call')), availability });
    expect(availability.checked).toEqual([]);
    expect(result.selections[0]).toBeUndefined();
    expect(result.unavailable[0]).toBe(
      'No model can run "image-to-text": no Inference Provider serves "image-to-text" today. To run it, add the built-in runtime (an endpoint with protocol "transformers.js") with a model for it, add a local server for "image-to-text" to settings.endpoints, or plan a different task.',
    );
  });

  it('refuses a task whose checked models all lack a live provider, saying which and why', async () => {
    const availability = tableAvailability([]);
    const result = await selectModels({ tasks: [task(0, 'object-detection')], settings: cloud, catalog: CATALOG, chat: new ScriptedChat(new Error('no call')), availability });
    expect(result.unavailable[0]).toMatch(/^No model can run "object-detection": none of the 4 most downloaded "object-detection" models has a live Inference Provider \(facebook\/detr-resnet-50: no Inference Provider serves it;/);
  });

  it('still offers a local endpoint\'s model when the cloud has none', async () => {
    const settings = settingsWith({ huggingface: HF, endpoints: [localEndpoint('vision', 'http://127.0.0.1:9', [{ id: 'hustvl/yolos-tiny', task: 'object-detection' }])] });
    const availability = tableAvailability([]);
    const result = await selectModels({ tasks: [task(0, 'object-detection')], settings, catalog: CATALOG, chat: new ScriptedChat(new Error('no call')), availability });
    expect(result.selections[0]).toMatchObject({ model: 'hustvl/yolos-tiny', endpoint: 'vision', method: 'only-candidate' });
    expect(availability.checked).not.toContain('hustvl/yolos-tiny');
  });
});
