// Default answers of the fake Hugging Face endpoint, per task type, in the real wire formats.
import { tinyMp4, tinyPng, tinyWav } from './fake-hf-media';

/** One HTTP answer of the fake: JSON (objects/arrays), or bytes/text with a content type. */
export interface FakeReply {
  status?: number;
  contentType?: string;
  body: unknown;
}

/** A parsed request as the fake sees it. */
export interface FakeRequestView {
  path: string;
  contentType: string;
  body: Buffer;
  json?: any;
}

/** Tasks whose input is sent as raw file bytes (image-to-image also accepts JSON with a prompt). */
export const RAW_BYTES_TASKS = new Set([
  'image-classification', 'object-detection', 'image-to-text', 'depth-estimation', 'automatic-speech-recognition',
  'audio-to-audio', 'audio-classification', 'video-classification',
]);

const json = (body: unknown): FakeReply => ({ body });
const bytes = (body: Buffer, contentType: string): FakeReply => ({ body, contentType });

/** Square mask PNG: white inside [x0,x1) x [y0,y1), black elsewhere, 32x32. */
const mask = (x0: number, y0: number, x1: number, y1: number) =>
  tinyPng(32, 32, [0, 0, 0], (x, y) => (x >= x0 && x < x1 && y >= y0 && y < y1 ? [255, 255, 255] : undefined)).toString('base64');

const labelsFor = (req: FakeRequestView, fallback: string[]): string[] =>
  (req.json?.parameters?.candidate_labels as string[] | undefined) ?? fallback;

/** The default answer for a request to a model of `task` (ControlNet types included). */
export function defaultAnswer(task: string, req: FakeRequestView): FakeReply {
  if (task.endsWith('-control') || task.endsWith('-text-to-image') || task === 'text-to-image' || task === 'image-to-image') {
    return bytes(tinyPng(16, 16, [20, 40, 60]), 'image/png');
  }
  switch (task) {
    case 'token-classification':
      return json([{ entity_group: 'PER', score: 0.99, word: 'Sarah', start: 0, end: 5 }, { entity_group: 'LOC', score: 0.95, word: 'London', start: 15, end: 21 }]);
    case 'text-classification':
      return json([[{ label: 'POSITIVE', score: 0.98 }, { label: 'NEGATIVE', score: 0.02 }]]);
    case 'zero-shot-classification': {
      const labels = labelsFor(req, ['a', 'b']);
      return json({ sequence: req.json?.inputs, labels, scores: labels.map((_, i) => Number((0.9 / (i + 1)).toFixed(3))) });
    }
    case 'question-answering': return json({ answer: 'Paris', score: 0.91, start: 0, end: 5 });
    case 'sentence-similarity': return json([0.87]);
    case 'summarization': return json([{ summary_text: 'A short summary.' }]);
    case 'translation': return json([{ translation_text: 'Bonjour le monde' }]);
    case 'text-generation':
      if (req.path.endsWith('/v1/completions')) {
        return json({ id: 'cmpl-1', object: 'text_completion', created: 0, model: req.json?.model, choices: [{ index: 0, text: ' and they lived happily.', finish_reason: 'length' }] });
      }
      return json([{ generated_text: `${req.json?.inputs ?? ''} and they lived happily.` }]);
    case 'conversational':
      return json({
        id: 'chat-1', object: 'chat.completion', created: 0, model: req.json?.model,
        choices: [{ index: 0, message: { role: 'assistant', content: 'Hello! How can I help?' }, finish_reason: 'stop' }],
        usage: { prompt_tokens: 5, completion_tokens: 6, total_tokens: 11 },
      });
    case 'text2text-generation': return json([{ generated_text: 'rewritten text' }]);
    case 'image-text-to-text': {
      const question = req.json?.messages?.[0]?.content?.find?.((p: any) => p.type === 'text')?.text ?? '';
      const content = /describe/i.test(question) ? 'A girl reading a book on a bench.' : 'Two.';
      return json({
        id: 'chat-vlm', object: 'chat.completion', created: 0, model: req.json?.model,
        choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
        usage: { prompt_tokens: 20, completion_tokens: 8, total_tokens: 28 },
      });
    }
    case 'tabular-classification': {
      const columns = Object.values((req.json?.inputs?.data ?? {}) as Record<string, unknown[]>);
      return json((columns[0] ?? []).map((_, i) => i % 2));
    }
    case 'image-classification': return json([{ label: 'tabby cat', score: 0.93 }, { label: 'tiger cat', score: 0.05 }]);
    case 'object-detection':
      return json([
        { score: 0.98, label: 'cat', box: { xmin: 2, ymin: 2, xmax: 12, ymax: 12 } },
        { score: 0.9, label: 'dog', box: { xmin: 16, ymin: 4, xmax: 28, ymax: 20 } },
      ]);
    case 'image-to-text': return json([{ generated_text: 'a cat sitting on a couch' }]);
    case 'image-segmentation':
      return json([{ label: 'cat', score: 0.97, mask: mask(0, 0, 16, 16) }, { label: 'background', score: 0.9, mask: mask(16, 16, 32, 32) }]);
    case 'depth-estimation': return json({ predicted_depth: [[0.5, 0.6], [0.7, 0.8]], depth: tinyPng(8, 8, [128, 128, 128]).toString('base64') });
    case 'zero-shot-image-classification': {
      const labels = labelsFor(req, ['a', 'b']);
      return json(labels.map((label, i) => ({ label, score: Number((0.9 / (i + 1)).toFixed(3)) })));
    }
    case 'visual-question-answering': return json([{ answer: 'two', score: 0.88 }]);
    case 'document-question-answering': return json([{ answer: '42 EUR', score: 0.8, start: 3, end: 4 }]);
    case 'text-to-video': return bytes(tinyMp4(), 'video/mp4');
    case 'text-to-speech': return bytes(tinyWav(), 'audio/wav');
    case 'automatic-speech-recognition': return json({ text: 'hello world' });
    case 'audio-to-audio': return json([{ label: 'speech', 'content-type': 'audio/wav', blob: tinyWav(80).toString('base64') }]);
    case 'audio-classification': return json([{ label: 'speech', score: 0.9 }, { label: 'music', score: 0.1 }]);
    case 'video-classification': return json([{ label: 'dancing', score: 0.8 }, { label: 'running', score: 0.2 }]);
    default: return { status: 400, body: { error: `The fake does not know task ${task}` } };
  }
}

/** Checks the request's wire format for `task`; returns an error message when it is wrong. */
export function wireProblem(task: string, req: FakeRequestView): string | undefined {
  const isJson = req.contentType.startsWith('application/json');
  if (req.body.length === 0) return 'empty body';
  if (RAW_BYTES_TASKS.has(task) || task.endsWith('-control')) {
    return isJson ? `${task} expects raw file bytes, got JSON` : undefined;
  }
  if (task === 'image-to-image' && !isJson) return undefined;
  if (!isJson || req.json === undefined) return `${task} expects a JSON body`;
  if (req.path.endsWith('/v1/completions')) return typeof req.json.prompt === 'string' ? undefined : 'missing prompt';
  if (task === 'image-text-to-text') {
    const parts = req.path.endsWith('/v1/chat/completions') ? req.json.messages?.[0]?.content : undefined;
    const image = Array.isArray(parts) ? parts.find((p: any) => p?.type === 'image_url')?.image_url?.url : undefined;
    return typeof image === 'string' && image.startsWith('data:image/') ? undefined : 'image-text-to-text expects a chat completion with an image_url content part';
  }
  if (req.path.endsWith('/v1/chat/completions')) return Array.isArray(req.json.messages) ? undefined : 'missing messages';
  if (req.json.inputs === undefined) return 'missing "inputs"';
  if (task.endsWith('-text-to-image') && typeof req.json.parameters?.image !== 'string') return 'missing parameters.image (base64)';
  return undefined;
}
