import { describe, expect, it } from 'vitest';
import { taskAvailability } from '../../src-main/engine/selector/task-availability';
import { CATALOG, HF, localEndpoint, settingsWith } from './support';

const byTask = (list: ReturnType<typeof taskAvailability>) => new Map(list.map((a) => [a.task, a]));

describe('taskAvailability (the task palette)', () => {
  it('counts candidates per task type as stage 2 ranks them, with the selector reason when there is none', () => {
    const found = byTask(taskAvailability(CATALOG, settingsWith({ huggingface: HF })));
    expect(found.get('object-detection')).toEqual({ task: 'object-detection', candidates: 4, byLlm: false });
    const pose = found.get('openpose-control')!;
    expect(pose.candidates).toBe(0);
    expect(pose.reason).toMatch(/runs only on local endpoints/);
  });

  it('makes a ControlNet task available once a local endpoint declares a model for it', () => {
    const settings = settingsWith({ huggingface: HF, endpoints: [localEndpoint('cn', 'http://127.0.0.1:8005', [{ id: 'lllyasviel/sd-controlnet-openpose', task: 'openpose-control' }])] });
    const pose = byTask(taskAvailability(CATALOG, settings)).get('openpose-control')!;
    expect(pose.candidates).toBe(1);
    expect(pose).not.toHaveProperty('reason');
  });

  it('keeps text tasks the LLM does itself available without any model, and refuses the rest without a token', () => {
    const found = byTask(taskAvailability(CATALOG, settingsWith({ huggingface: { enabled: true } })));
    expect(found.get('summarization')).toMatchObject({ byLlm: true });
    expect(found.get('summarization')).not.toHaveProperty('reason');
    expect(found.get('object-detection')!.reason).toMatch(/Hugging Face token/);
  });
});
