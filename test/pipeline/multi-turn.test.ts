import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Conversation } from '../../src-main/engine/conversation';
import { createEngineDeps } from '../../src-main/service/engine-deps';
import type { FakeHf } from '../support/fake-hf';
import type { FakeLlm } from '../support/fake-llm';
import { routeLlm } from '../support/routed-llm';
import { startSeedFakes, type SeedFakes } from './seed-fakes';

let fakes: SeedFakes;
let llm: FakeLlm;
let hf: FakeHf;
beforeAll(async () => {
  fakes = await startSeedFakes({ cloud: { 'stabilityai/stable-diffusion-xl-base-1.0': 'text-to-image', 'Salesforce/blip-image-captioning-large': 'image-to-text' } });
  ({ llm, hf } = fakes);
});
afterAll(() => fakes.close());

describe('a conversation over several turns', () => {
  it('keeps the history and lets a later request use a file an earlier run generated', async () => {
    const settings = fakes.settings;
    const deps = createEngineDeps({ dataDir: mkdtempSync(join(tmpdir(), 'hgs-data-')), settings: () => settings });
    const conversation = new Conversation(deps);
    let imagePath = '';
    routeLlm(llm, {
      plan: (body) =>
        body.messages.at(-1).content.includes('describe')
          ? JSON.stringify([{ task: 'image-to-text', id: 0, dep: [-1], args: { image: imagePath } }])
          : JSON.stringify([{ task: 'text-to-image', id: 0, dep: [-1], args: { text: 'a red fox in the snow' } }]),
      select: (body) => {
        const task = /Task 0: (\S+);/.exec(body.messages.at(-1).content)![1];
        return JSON.stringify({ choices: [{ task: 0, id: task === 'text-to-image' ? 'stabilityai/stable-diffusion-xl-base-1.0' : 'Salesforce/blip-image-captioning-large', reason: 'fits' }] });
      },
      respond: () => 'Done.',
    });

    const first = await conversation.plan('draw a red fox in the snow');
    const run1 = conversation.execute(first.plan.tasks, first.selections);
    const outcome1 = await run1.done;
    expect(outcome1.results[0].status).toBe('succeeded');
    imagePath = outcome1.results[0].outputs[0].path!;
    await conversation.respond(run1.runId);

    const second = await conversation.plan('now describe that image');
    expect(second.issues).toEqual([]);
    const planCall = llm.requests.filter((r) => r.messages[0].content.startsWith('You plan')).at(-1);
    expect(JSON.stringify(planCall.messages)).toContain('draw a red fox in the snow');
    expect(JSON.stringify(planCall.messages)).toContain(imagePath);
    const run2 = conversation.execute(second.plan.tasks, second.selections);
    const outcome2 = await run2.done;
    expect(outcome2.results[0]).toMatchObject({ status: 'succeeded', outputs: [{ modality: 'text', text: expect.any(String) }] });
    const captionCall = hf.requests.find((r) => r.model === 'Salesforce/blip-image-captioning-large')!;
    expect(captionCall.contentType).toBe('image/png');
    expect(conversation.history.map((m) => m.role)).toEqual(['user', 'assistant']);
  });

  it('refuses a file nobody gave, on that task only', async () => {
    const settings = fakes.settings;
    const conversation = new Conversation(createEngineDeps({ dataDir: mkdtempSync(join(tmpdir(), 'hgs-data-')), settings: () => settings }));
    routeLlm(llm, {
      plan: () => JSON.stringify([
        { task: 'image-to-text', id: 0, dep: [-1], args: { image: '/etc/passwd.png' } },
        { task: 'text-to-image', id: 1, dep: [-1], args: { text: 'a cat' } },
      ]),
      select: () => JSON.stringify({ choices: [{ task: 0, id: 'Salesforce/blip-image-captioning-large' }, { task: 1, id: 'stabilityai/stable-diffusion-xl-base-1.0' }] }),
    });
    const planned = await conversation.plan('describe a picture and draw a cat');
    expect(planned.issues.map((i) => i.taskId)).toContain(0);
    const outcome = await conversation.execute(planned.plan.tasks, planned.selections).done;
    expect(outcome.results[0].status).toBe('invalid');
    expect(outcome.results[0].error?.message).toMatch(/passwd/);
    expect(outcome.results[1].status).toBe('succeeded');
    expect(hf.requests.some((r) => r.body.includes('root:'))).toBe(false);
  });
});
