// Resource passing: `<resource>-N` becomes task N's output of the modality the port needs; user files
// come from the store; anything else is refused on that node.
import { describe, expect, it } from 'vitest';
import { executeGraph } from '../../src-main/engine/executor/execute-graph';
import { eventsOf, harness, inputFor, task, trace } from './fakes/fixtures';
import { describeInput } from './fakes/scripted-runner';

describe('resource passing', () => {
  it('passes an image along a chain image -> image -> text', async () => {
    const h = harness();
    const photo = await h.store.userFile('example.jpg', 'PHOTO', 'image/jpeg');
    const tasks = [
      task(0, 'depth-estimation', { image: 'example.jpg' }),
      task(1, 'image-to-image', { image: '<resource>-0', text: 'make it blue' }),
      task(2, 'image-to-text', { image: '<resource>-1' }),
    ];
    const { results, summary } = await executeGraph(inputFor(h, tasks, { userResources: { 'example.jpg': photo } })).done;

    expect(summary.status).toBe('succeeded');
    expect(h.runner.models).toEqual(['m/depth-estimation-0', 'm/image-to-image-1', 'm/image-to-text-2']);
    expect(describeInput(h.runner.calls[0].inputs.image)).toBe('image[PHOTO]');
    expect(h.runner.calls[1].inputs.image).toMatchObject({ modality: 'image', mime: 'image/png' });
    expect(describeInput(h.runner.calls[1].inputs.image)).toBe('image[m/depth-estimation-0(image=image[PHOTO])]');
    expect(results[2].outputs).toEqual([
      { port: 'text', modality: 'text', text: 'm/image-to-text-2(image=image[m/image-to-image-1(image=image[m/depth-estimation-0(image=image[PHOTO])],text=make it blue)])' },
    ]);
    const image = results[1].outputs[0];
    expect(image).toMatchObject({ port: 'image', modality: 'image', resource: { mime: 'image/png', ext: 'png' } });
    expect(image.path).toBe(h.store.pathOf(image.resource!));
  });

  it("runs the seed's graph: pose -> pose-to-image -> detection + captioning -> speech", async () => {
    const h = harness();
    const photo = await h.store.userFile('example.jpg', 'GIRL', 'image/jpeg');
    const tasks = [
      task(0, 'openpose-control', { image: 'example.jpg' }),
      task(1, 'openpose-text-to-image', { image: '<resource>-0', text: 'a girl reading a book' }),
      task(2, 'object-detection', { image: '<resource>-1' }),
      task(3, 'image-to-text', { image: '<resource>-1' }),
      task(4, 'text-to-speech', { text: 'The picture shows: <resource>-3' }),
    ];
    const { results } = await executeGraph(inputFor(h, tasks, { userResources: { 'example.jpg': photo } })).done;

    const t = trace(h.events);
    expect(t.slice(0, 6)).toEqual(['run-started', 'node-queued:0', 'node-queued:1', 'node-queued:2', 'node-queued:3', 'node-queued:4']);
    expect(t.slice(6, 11)).toEqual(['node-started:0', 'node-succeeded:0', 'node-log:1', 'node-started:1', 'node-succeeded:1']); // node-log: task 1's seed
    // Fan-out: both consumers of task 1 start before either ends.
    expect(t.slice(11, 13).sort()).toEqual(['node-started:2', 'node-started:3']);
    expect(t.indexOf('node-started:4')).toBeGreaterThan(t.indexOf('node-succeeded:3'));
    expect(t.at(-1)).toBe('run-finished');
    expect(h.events.map((e) => e.seq)).toEqual(h.events.map((_e, i) => i + 1));
    expect(new Set(h.events.map((e) => e.runId)).size).toBe(1);

    expect(results[2].outputs.map((o) => o.modality)).toEqual(['image', 'text']);
    const speechCall = h.runner.calls.find((c) => c.model === 'm/text-to-speech-4')!;
    expect(describeInput(speechCall.inputs.text)).toBe(`The picture shows: ${results[3].outputs[0].text}`);
    expect(results[4].outputs[0]).toMatchObject({ modality: 'audio', resource: { mime: 'audio/wav' } });
    expect(h.store.textOf(results[4].outputs[0].resource)).toContain('m/text-to-speech-4(text=The picture shows: m/image-to-text-3');
  });

  it('takes the text output of a task that makes an image and text (detection labels into a text port)', async () => {
    const h = harness();
    const photo = await h.store.userFile('a.png', 'A', 'image/png');
    const tasks = [task(0, 'object-detection', { image: 'a.png' }), task(1, 'summarization', { text: '<resource>-0' })];
    const { results } = await executeGraph(inputFor(h, tasks, { userResources: { 'a.png': photo } })).done;
    expect(results[1].status).toBe('succeeded');
    expect(describeInput(h.runner.calls[1].inputs.text)).toBe(results[0].outputs.find((o) => o.modality === 'text')!.text);
  });

  it('logs arguments the task has no port for, and still runs', async () => {
    const h = harness();
    const tasks = [task(0, 'text-to-image', { text: 'a cat', image: 'cat.png' })];
    const { results } = await executeGraph(inputFor(h, tasks)).done;
    expect(results[0].status).toBe('succeeded');
    expect(h.events.filter((e) => e.type === 'node-log').at(-1)).toMatchObject({ taskId: 0, message: expect.stringContaining('ignored argument(s) image') });
  });
});

describe('refused inputs', () => {
  const refusalOf = async (tasks: ReturnType<typeof task>[], files: Record<string, [string, string]> = {}) => {
    const h = harness();
    const userResources = Object.fromEntries(
      await Promise.all(Object.entries(files).map(async ([name, [content, mime]]) => [name, await h.store.userFile(name, content, mime)] as const)),
    );
    const outcome = await executeGraph(inputFor(h, tasks, { userResources })).done;
    return { h, outcome };
  };

  it('refuses text output into an image port, and skips what depends on it', async () => {
    const { h, outcome } = await refusalOf([
      task(0, 'text-generation', { text: 'write a poem' }),
      task(1, 'image-classification', { image: '<resource>-0' }),
      task(2, 'text-to-speech', { text: '<resource>-1' }),
    ]);
    expect(outcome.results[1]).toMatchObject({ status: 'invalid', error: { kind: 'invalid-input', retriable: false } });
    expect(outcome.results[1].error!.message).toBe('input "image" needs an image, but task 0 produces text');
    expect(outcome.results[2]).toMatchObject({ status: 'skipped', reason: 'upstream task 1 was refused (invalid input)' });
    expect(eventsOf(h.events, 1)).toEqual(['node-queued', 'node-invalid']);
    expect(h.runner.models).toEqual(['m/text-generation-0']);
    expect(outcome.summary.status).toBe('failed');
  });

  it('refuses a file name, path or URL the user did not give', async () => {
    const { h, outcome } = await refusalOf([
      task(0, 'image-to-text', { image: 'secret.jpg' }),
      task(1, 'image-to-text', { image: '/etc/passwd' }),
      task(2, 'image-to-text', { image: 'https://example.com/x.png' }),
      task(3, 'image-to-text', { image: 'given.jpg' }),
    ], { 'given.jpg': ['G', 'image/jpeg'] });
    for (const id of [0, 1, 2]) expect(outcome.results[id].status).toBe('invalid');
    expect(outcome.results[0].error!.message).toBe('input "image": "secret.jpg" is not a file you gave in this conversation');
    expect(outcome.results[2].error!.message).toContain('https://example.com/x.png');
    expect(outcome.results[3].status).toBe('succeeded');
    expect(h.runner.models).toEqual(['m/image-to-text-3']);
  });

  it('refuses a user file of the wrong kind and a reference to a task that is not upstream', async () => {
    const { h, outcome } = await refusalOf([
      task(0, 'automatic-speech-recognition', { audio: 'photo.jpg' }),
      task(1, 'text-to-image', { text: 'a dog' }),
      task(2, 'image-to-text', { image: '<resource>-1' }, [-1]),
      task(3, 'image-to-text', { image: '<resource>-9' }, [-1]),
    ], { 'photo.jpg': ['P', 'image/jpeg'] });
    expect(outcome.results[0].error!.message).toBe('input "audio" needs audio, but "photo.jpg" is image');
    expect(outcome.results[2].error!.message).toContain('task 1 is not among this task\'s dependencies');
    expect(outcome.results[3].status).toBe('invalid');
    expect(h.runner.models).toEqual(['m/text-to-image-1']);
  });

  it('refuses a missing input, an unknown task type, a missing dependency and a cycle before running', async () => {
    const { h, outcome } = await refusalOf([
      task(0, 'image-to-text', {}),
      task(1, 'paint-a-house', { text: 'x' }),
      task(2, 'summarization', { text: 'y' }, [7]),
      task(3, 'summarization', { text: '<resource>-4' }),
      task(4, 'summarization', { text: '<resource>-3' }),
      task(5, 'summarization', { text: '<resource>-4' }),
    ]);
    expect(outcome.results[0].error!.message).toBe('missing input "image" (an image)');
    expect(outcome.results[1].error!.message).toBe('unknown task type "paint-a-house"');
    expect(outcome.results[2].error!.message).toBe('depends on task 7, which is not in the plan');
    for (const id of [3, 4, 5]) expect(outcome.results[id].error!.message).toContain('dependency cycle');
    expect(h.runner.calls).toHaveLength(0);
  });
});
