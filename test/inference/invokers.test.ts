// Every task invoker against the fake endpoint through the real @huggingface/inference library:
// the request's wire format (recorded by the fake) and the outputs read from the answer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import { createHfModelRunner } from '../../src-main/platform/inference/hf-model-runner';
import type { InferenceInput, RawOutput } from '../../src-main/engine/inference';
import { startFakeHf, type FakeHf, type FakeRequest } from '../support/fake-hf';
import { tinyMp4, tinyPng, tinyWav } from '../support/fake-hf-media';
import { endpointTarget, file, makeCall, text } from './call-helpers';

const png = new Uint8Array(tinyPng(32, 32));
const wav = new Uint8Array(tinyWav());
const mp4 = new Uint8Array(tinyMp4());
const csv = new TextEncoder().encode('age,income\n31,"40,000"\n45,52000\n');

interface Case {
  task: string;
  inputs: Record<string, InferenceInput>;
  /** Checks the request the fake received. */
  wire(req: FakeRequest): void;
  /** Checks the outputs. */
  outputs(out: RawOutput[]): void;
}

const rawBytes = (mime: string, bytes: Uint8Array) => (req: FakeRequest) => {
  expect(req.contentType).toBe(mime);
  expect(new Uint8Array(req.body)).toEqual(bytes);
};
const jsonBody = (expected: unknown) => (req: FakeRequest) => {
  expect(req.contentType).toMatch(/^application\/json/);
  expect(req.json).toMatchObject(expected as object);
};
const textIs = (expected: string | RegExp) => (out: RawOutput[]) => {
  const t = out.find((o) => o.modality === 'text');
  expect(t && 'text' in t ? t.text : undefined).toMatch(expected);
};
const bytesOf = (out: RawOutput[], modality: string) => {
  const o = out.find((x) => x.modality === modality);
  return o && 'bytes' in o ? o : undefined;
};
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

const CASES: Case[] = [
  { task: 'token-classification', inputs: { text: text('Sarah lives in London') }, wire: jsonBody({ inputs: 'Sarah lives in London' }), outputs: textIs(/Sarah: PER \(0\.990\)\nLondon: LOC/) },
  { task: 'text-classification', inputs: { text: text('I love it') }, wire: jsonBody({ inputs: 'I love it' }), outputs: textIs(/^POSITIVE \(0\.980\)\nNEGATIVE/) },
  { task: 'zero-shot-classification', inputs: { text: text('The match ended 2-1'), candidate_labels: text('sport, politics') },
    wire: jsonBody({ inputs: 'The match ended 2-1', parameters: { candidate_labels: ['sport', 'politics'] } }), outputs: textIs(/^sport \(0\.900\)\npolitics \(0\.450\)$/) },
  { task: 'question-answering', inputs: { text: text('Capital of France?'), context: text('Paris is the capital of France.') },
    wire: jsonBody({ inputs: { question: 'Capital of France?', context: 'Paris is the capital of France.' } }), outputs: textIs(/^Paris$/) },
  { task: 'sentence-similarity', inputs: { text1: text('a cat'), text2: text('a kitten') },
    wire: jsonBody({ inputs: { source_sentence: 'a cat', sentences: ['a kitten'] } }), outputs: textIs('similarity: 0.870') },
  { task: 'summarization', inputs: { text: text('long text') }, wire: jsonBody({ inputs: 'long text' }), outputs: textIs(/^A short summary\.$/) },
  { task: 'translation', inputs: { text: text('Hello world') }, wire: jsonBody({ inputs: 'Hello world' }), outputs: textIs(/^Bonjour le monde$/) },
  { task: 'text-generation', inputs: { text: text('Once upon a time') },
    wire: (req) => { expect(req.route).toBe('/v1/completions'); jsonBody({ prompt: 'Once upon a time', model: 'org/text-generation' })(req); },
    outputs: textIs(/^ and they lived happily\.$/) },
  { task: 'text2text-generation', inputs: { text: text('rewrite this') }, wire: jsonBody({ inputs: 'rewrite this' }), outputs: textIs(/^rewritten text$/) },
  { task: 'conversational', inputs: { text: text('Hi there') },
    wire: (req) => { expect(req.route).toBe('/v1/chat/completions'); jsonBody({ messages: [{ role: 'user', content: 'Hi there' }] })(req); },
    outputs: textIs(/^Hello! How can I help\?$/) },
  { task: 'tabular-classification', inputs: { table: file('table', csv, 'text/csv') },
    wire: jsonBody({ inputs: { data: { age: ['31', '45'], income: ['40,000', '52000'] } } }), outputs: textIs(/^row 1: 0\nrow 2: 1$/) },
  { task: 'image-classification', inputs: { image: file('image', png, 'image/png') }, wire: rawBytes('image/png', png), outputs: textIs(/^tabby cat \(0\.930\)/) },
  { task: 'object-detection', inputs: { image: file('image', png, 'image/png') }, wire: rawBytes('image/png', png),
    outputs: (out) => {
      textIs(/^cat \(0\.980\) at \[2,2,12,12\]\ndog \(0\.900\) at \[16,4,28,20\]$/)(out);
      expect(PNG.sync.read(Buffer.from(bytesOf(out, 'image')!.bytes)).width).toBe(32);
    } },
  { task: 'image-to-text', inputs: { image: file('image', png, 'image/png') }, wire: rawBytes('image/png', png), outputs: textIs(/^a cat sitting on a couch$/) },
  { task: 'image-segmentation', inputs: { image: file('image', png, 'image/png') }, wire: jsonBody({ inputs: b64(png) }),
    outputs: (out) => {
      textIs(/^cat \(0\.970\)\nbackground \(0\.900\)$/)(out);
      const mask = PNG.sync.read(Buffer.from(bytesOf(out, 'image')!.bytes));
      expect([...mask.data.subarray(0, 3)]).toEqual([230, 25, 75]); // top-left: the cat mask in the first label colour
    } },
  { task: 'depth-estimation', inputs: { image: file('image', png, 'image/png') }, wire: rawBytes('image/png', png),
    outputs: (out) => expect(PNG.sync.read(Buffer.from(bytesOf(out, 'image')!.bytes)).width).toBe(8) },
  { task: 'image-to-image', inputs: { image: file('image', png, 'image/png'), text: text('make it blue') },
    wire: jsonBody({ inputs: b64(png), parameters: { prompt: 'make it blue' } }),
    outputs: (out) => expect(bytesOf(out, 'image')!.mime).toBe('image/png') },
  { task: 'zero-shot-image-classification', inputs: { image: file('image', png, 'image/png'), candidate_labels: text('cat,dog') },
    wire: jsonBody({ inputs: { image: b64(png) }, parameters: { candidate_labels: ['cat', 'dog'] } }), outputs: textIs(/^cat \(0\.900\)\ndog/) },
  { task: 'visual-question-answering', inputs: { image: file('image', png, 'image/png'), text: text('How many cats?') },
    wire: jsonBody({ inputs: { question: 'How many cats?', image: b64(png) } }), outputs: textIs(/^two$/) },
  { task: 'document-question-answering', inputs: { image: file('image', png, 'image/png'), text: text('Total?') },
    wire: jsonBody({ inputs: { question: 'Total?', image: b64(png) } }), outputs: textIs(/^42 EUR$/) },
  { task: 'text-to-image', inputs: { text: text('a red fox'), seed: text('7') }, wire: jsonBody({ inputs: 'a red fox', parameters: { seed: 7 } }),
    outputs: (out) => expect(PNG.sync.read(Buffer.from(bytesOf(out, 'image')!.bytes)).width).toBe(16) },
  { task: 'text-to-video', inputs: { text: text('a dancing robot') }, wire: jsonBody({ inputs: 'a dancing robot' }),
    outputs: (out) => expect(bytesOf(out, 'video')).toMatchObject({ bytes: mp4, mime: 'video/mp4' }) },
  { task: 'text-to-speech', inputs: { text: text('hello') }, wire: jsonBody({ inputs: 'hello' }),
    outputs: (out) => expect(bytesOf(out, 'audio')).toMatchObject({ bytes: new Uint8Array(tinyWav()), mime: 'audio/wav' }) },
  { task: 'automatic-speech-recognition', inputs: { audio: file('audio', wav, 'audio/wav') }, wire: rawBytes('audio/wav', wav), outputs: textIs(/^hello world$/) },
  { task: 'audio-to-audio', inputs: { audio: file('audio', wav, 'audio/wav') }, wire: rawBytes('audio/wav', wav),
    outputs: (out) => expect(bytesOf(out, 'audio')).toMatchObject({ bytes: new Uint8Array(tinyWav(80)), mime: 'audio/wav' }) },
  { task: 'audio-classification', inputs: { audio: file('audio', wav, 'audio/wav') }, wire: rawBytes('audio/wav', wav), outputs: textIs(/^speech \(0\.900\)\nmusic/) },
  { task: 'video-classification', inputs: { video: file('video', mp4, 'video/mp4') }, wire: rawBytes('video/mp4', mp4), outputs: textIs(/^dancing \(0\.800\)/) },
  { task: 'canny-control', inputs: { image: file('image', png, 'image/png') }, wire: rawBytes('image/png', png),
    outputs: (out) => expect(PNG.sync.read(Buffer.from(bytesOf(out, 'image')!.bytes)).width).toBe(16) },
  { task: 'openpose-text-to-image', inputs: { image: file('image', png, 'image/png'), text: text('a dancer'), seed: text('3') },
    wire: jsonBody({ inputs: 'a dancer', parameters: { image: b64(png), seed: 3 } }),
    outputs: (out) => expect(PNG.sync.read(Buffer.from(bytesOf(out, 'image')!.bytes)).height).toBe(16) },
];

describe('task invokers on a local endpoint', () => {
  let hf: FakeHf;
  const runner = createHfModelRunner({ token: 'hf_secret_token' });
  beforeAll(async () => {
    hf = await startFakeHf({ models: Object.fromEntries(CASES.map((c) => [`org/${c.task}`, { task: c.task }])) });
  });
  afterAll(() => hf.close());

  it.each(CASES.map((c) => [c.task, c] as const))('%s', async (_task, c) => {
    const model = `org/${c.task}`;
    const before = hf.requests.length;
    const out = await runner.run(makeCall(c.task, model, endpointTarget(hf.url, model), c.inputs));
    const sent = hf.requests.slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0].model).toBe(model);
    expect(sent[0].headers.authorization).toBeUndefined(); // the HF token never goes to a local endpoint
    c.wire(sent[0]);
    c.outputs(out);
  });

  it('sends raw image bytes for image-to-image without a prompt', async () => {
    await runner.run(makeCall('image-to-image', 'org/image-to-image', endpointTarget(hf.url, 'org/image-to-image'), { image: file('image', png, 'image/png') }));
    rawBytes('image/png', png)(hf.requests.at(-1)!);
  });

  it('reads an image-to-text answer in the object form too', async () => {
    hf.script('org/image-to-text', { reply: { body: { generated_text: 'a dog' } } });
    const out = await runner.run(makeCall('image-to-text', 'org/image-to-text', endpointTarget(hf.url, 'org/image-to-text'), { image: file('image', png, 'image/png') }));
    textIs(/^a dog$/)(out);
  });
});
