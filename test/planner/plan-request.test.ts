// Stage 1 end to end through the real openai client and the fake LLM server, streamed and not.
import { describe, expect, it } from 'vitest';
import type { PlanTask } from '../../src-shared/plan';
import { PlanParseError } from '../../src-main/engine/planner/parse-plan';
import { planRequest, type PlanRequestInput } from '../../src-main/engine/planner/plan-request';
import { createOpenAiChatModel } from '../../src-main/platform/openai-chat';
import { fakeLlmSettings, useFakeLlm } from '../support/fake-llm-per-file';

const fake = useFakeLlm('OK');
const chat = () => createOpenAiChatModel(fakeLlmSettings(fake));
const plan = (input: Partial<PlanRequestInput> & { request: string }) => planRequest({ history: [], attachments: [], chat: chat(), ...input });

const POSE_ANSWER =
  'Here you go:\n```json\n[{"task": "pose-detection", "id": 0, "dep": [-1], "args": {"image": "e.jpg"}},\n' +
  ' {"task": "pose-text-to-image", "id": 1, "dep": [0], "args": {"text": "a girl reading", "image": "<GENERATED>-0"}},\n' +
  ' {"task": "image-to-text", "id": 2, "dep": [1], "args": {"image": "<resource-1>"}}]\n```';
const POSE_PLAN: PlanTask[] = [
  { id: 0, task: 'openpose-control', dep: [-1], args: { image: 'e.jpg' } },
  { id: 1, task: 'openpose-text-to-image', dep: [0], args: { text: 'a girl reading', image: '<resource>-0' } },
  { id: 2, task: 'image-to-text', dep: [1], args: { image: '<resource>-1' } },
];
const POSE_REQUEST = 'Make a girl reading in the pose of e.jpg and describe the result';

describe('planRequest', () => {
  it('plans a graph request in one call, with canonical names and the server\'s usage', async () => {
    fake.script({ text: POSE_ANSWER, promptTokens: 700, completionTokens: 90 });
    const result = await plan({ request: POSE_REQUEST });
    expect(result).toEqual({ plan: { tasks: POSE_PLAN }, issues: [], usage: { llmCalls: 1, promptTokens: 700, completionTokens: 90 }, rawOutput: POSE_ANSWER });
    const body = fake.requests[0];
    expect(body.messages[0].role).toBe('system');
    expect(body.messages.at(-1)).toEqual({ role: 'user', content: POSE_REQUEST });
    expect(body.response_format.type).toBe('json_schema');
    expect(body.stream).toBeFalsy();
  });

  it('streams, reporting tasks as their objects complete', async () => {
    fake.script({ text: POSE_ANSWER, chunkSize: 9 });
    const seen: PlanTask[][] = [];
    const result = await plan({ request: POSE_REQUEST, onTasks: (tasks) => seen.push(tasks) });
    expect(result.plan.tasks).toEqual(POSE_PLAN);
    expect(seen.map((tasks) => tasks.length)).toEqual([1, 2, 3]);
    expect(seen[0][0].task).toBe('openpose-control');
    expect(fake.requests[0]).toMatchObject({ stream: true, stream_options: { include_usage: true } });
  });

  it('asks once for a repair, giving the problems, and counts both calls', async () => {
    fake.script(
      { text: '[{"task": "text-to-imag", "id": 0, "dep": [-1], "args": {"text": "a red fox"}}]', promptTokens: 10, completionTokens: 5 },
      { text: '[{"task": "text-to-image", "id": 0, "dep": [-1], "args": {"text": "a red fox"}}]', promptTokens: 20, completionTokens: 6 },
    );
    const result = await plan({ request: 'draw a red fox' });
    expect(result.issues).toEqual([]);
    expect(result.plan.tasks).toEqual([{ id: 0, task: 'text-to-image', dep: [-1], args: { text: 'a red fox' } }]);
    expect(result.usage).toEqual({ llmCalls: 2, promptTokens: 30, completionTokens: 11 });
    const repair = fake.requests[1].messages;
    expect(repair.at(-2)).toEqual({ role: 'assistant', content: expect.stringContaining('text-to-imag') });
    expect(repair.at(-1).content).toContain('task 0 (text-to-imag): unknown task type; did you mean text-to-image');
  });

  it('repairs an unreadable answer too', async () => {
    fake.script('I would use an image captioning model.', '[{"task": "image-to-text", "id": 0, "dep": [-1], "args": {"image": "cat.png"}}]');
    const result = await plan({ request: 'what is in cat.png?' });
    expect(result.plan.tasks[0].task).toBe('image-to-text');
    expect(fake.requests[1].messages.at(-1).content).toContain('contains no task list');
  });

  it('returns the remaining issues when the repair fails, without a third call', async () => {
    const invented = '[{"task": "image-to-text", "id": 0, "dep": [-1], "args": {"image": "/etc/passwd.png"}}]';
    fake.script(invented, invented);
    const result = await plan({ request: 'describe a picture' });
    expect(result.issues).toEqual([{ taskId: 0, message: 'task 0 (image-to-text): argument "image" reads "/etc/passwd.png", which you did not give in this conversation' }]);
    expect(result.usage.llmCalls).toBe(2);
    expect(fake.requests).toHaveLength(2);
  });

  it('lets a plan use files from earlier turns and attachments', async () => {
    const answer = '[{"task": "image-to-text", "id": 0, "dep": [-1], "args": {"image": "photo.jpg"}}, {"task": "audio-classification", "id": 1, "dep": [-1], "args": {"audio": "song.mp3"}}]';
    fake.script(answer);
    const result = await plan({ request: 'describe it and label the song', history: [{ role: 'user', content: 'I took photo.jpg yesterday' }, { role: 'assistant', content: 'Nice!' }], attachments: ['song.mp3'] });
    expect(result.issues).toEqual([]);
    expect(fake.requests[0].messages.at(-1).content).toContain('user: I took photo.jpg yesterday');
  });

  it('returns an empty plan for a plain conversation, with no repair', async () => {
    fake.script('[]');
    const result = await plan({ request: 'thanks!' });
    expect(result.plan.tasks).toEqual([]);
    expect(result.issues).toEqual([]);
    expect(fake.requests).toHaveLength(1);
  });

  it('refuses a cut-off answer instead of repairing it', async () => {
    fake.script({ text: POSE_ANSWER.slice(0, 120), finishReason: 'length' });
    const error = await plan({ request: POSE_REQUEST }).catch((e) => e);
    expect(error).toBeInstanceOf(PlanParseError);
    expect(error.kind).toBe('truncated');
    expect(fake.requests).toHaveLength(1);
  });

  it('throws PlanParseError when even the repair is unreadable', async () => {
    fake.script('no idea', 'still no idea');
    const error = await plan({ request: 'hmm' }).catch((e) => e);
    expect(error).toBeInstanceOf(PlanParseError);
    expect(error.kind).toBe('no-plan');
  });

  it('works with a server that has no structured output', async () => {
    fake.script({ text: POSE_ANSWER, rejectResponseFormat: true });
    const result = await plan({ request: POSE_REQUEST, onTasks: () => {} });
    expect(result.plan.tasks).toEqual(POSE_PLAN);
    expect(fake.requests.map((r) => Boolean(r.response_format))).toEqual([true, false]);
  });
});
