import { describe, expect, it } from 'vitest';
import type { ChatModel, ChatRequest } from '../../src-main/engine/chat-model';
import { generateResponse } from '../../src-main/engine/responder/generate-response';
import type { ResponseContext } from '../../src-main/engine/responder/response-prompt';

/** A chat model that answers from a script and records what it was sent. */
function recordingChat(answer: string) {
  const requests: ChatRequest[] = [];
  const chat: ChatModel = {
    async complete(request) {
      requests.push(request);
      for (const piece of answer.match(/.{1,7}/gs) ?? []) request.onDelta?.(piece);
      return { text: answer, finishReason: 'stop', promptTokens: 120, completionTokens: 30 };
    },
  };
  return { chat, requests };
}

const context: ResponseContext = {
  request: 'make an image of a girl reading in the pose of the boy in example.jpg, then describe it with your voice',
  history: [],
  tasks: [
    { id: 0, task: 'openpose-control', dep: [-1], args: { image: 'example.jpg' } },
    { id: 1, task: 'openpose-text-to-image', dep: [0], args: { image: '<resource>-0', text: 'a girl reading' } },
    { id: 2, task: 'image-to-text', dep: [1], args: { image: '<resource>-1' } },
    { id: 3, task: 'text-to-speech', dep: [2], args: { text: '<resource>-2' } },
  ],
  selections: {
    0: { taskId: 0, model: 'lllyasviel/sd-controlnet-openpose', endpoint: 'local', reason: 'only candidate', method: 'only-candidate' },
    1: { taskId: 1, model: 'lllyasviel/control_v11p_sd15_openpose', endpoint: 'local', reason: 'only candidate', method: 'only-candidate' },
    2: { taskId: 2, model: 'Salesforce/blip-image-captioning-large', endpoint: 'huggingface', reason: 'most downloaded captioner', method: 'llm' },
    3: { taskId: 3, model: 'espnet/kan-bayashi_ljspeech_vits', endpoint: 'huggingface', reason: 'clear voice', method: 'llm' },
  },
  results: {
    0: { status: 'succeeded', outputs: [{ port: 'image', modality: 'image', path: '/data/runs/r1/outputs/0-image.png' }], model: 'lllyasviel/sd-controlnet-openpose', endpoint: 'local' },
    1: { status: 'succeeded', outputs: [{ port: 'image', modality: 'image', path: '/data/runs/r1/outputs/1-image.png' }], model: 'lllyasviel/control_v11p_sd15_openpose', endpoint: 'local' },
    2: { status: 'succeeded', outputs: [{ port: 'text', modality: 'text', text: 'a girl sitting on a bench reading a book '.repeat(30) }], model: 'Salesforce/blip-image-captioning-large', endpoint: 'huggingface' },
    3: { status: 'failed', outputs: [], error: { kind: 'rate-limited', message: 'Hugging Face answered 429 three times', retriable: true, status: 429 } },
  },
};

describe('generateResponse', () => {
  it('gives the LLM the request, models with reasons, trimmed texts, readable file names and failures', async () => {
    const { chat, requests } = recordingChat('Here is your image.');
    await generateResponse(chat, context);
    const prompt = requests[0].messages.at(-1)!.content;
    expect(prompt).toContain(`Request: ${context.request}`);
    expect(prompt).toContain('model: Salesforce/blip-image-captioning-large on huggingface (chosen: most downloaded captioner)');
    expect(prompt).toContain('output image (image file): task-1-image.png');
    expect(prompt).not.toContain('/data/runs/r1/outputs/1-image.png');
    expect(prompt).toContain('characters in all)');
    expect(prompt).not.toContain('reading a book '.repeat(30));
    expect(prompt).toContain('error (rate-limited): Hugging Face answered 429 three times');
    expect(requests[0].messages[0].content).toMatch(/Never invent a file/);
  });

  it('streams the answer, then appends the real list of generated files', async () => {
    const { chat } = recordingChat('I made the image and captioned it.');
    const seen: string[] = [];
    const result = await generateResponse(chat, context, (t) => seen.push(t));
    expect(seen[0]).toBe('I made ');
    expect(result.text).toBe(
      'I made the image and captioned it.\n\nGenerated files:\n' +
        '- [task-0-image.png](</data/runs/r1/outputs/0-image.png>) (task 0, openpose-control, image, lllyasviel/sd-controlnet-openpose)\n' +
        '- [task-1-image.png](</data/runs/r1/outputs/1-image.png>) (task 1, openpose-text-to-image, image, lllyasviel/control_v11p_sd15_openpose)',
    );
    expect(seen.at(-1)).toBe(result.text);
    expect(result.usage).toEqual({ llmCalls: 1, promptTokens: 120, completionTokens: 30 });
  });

  it('answers a plain conversation directly, with the history', async () => {
    const { chat, requests } = recordingChat('Hello! How can I help?');
    const result = await generateResponse(chat, { ...context, tasks: [], results: {}, selections: {}, request: 'hi', history: [{ role: 'user', content: 'earlier' }, { role: 'assistant', content: 'reply' }] });
    expect(result.text).toBe('Hello! How can I help?');
    expect(requests[0].messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user']);
    expect(requests[0].messages.at(-1)!.content).toBe('hi');
  });
});
