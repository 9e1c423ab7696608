// Shared fixtures for the selector tests: settings, a small catalog, an in-memory ChatModel, a CLI IO.
import { SettingsSchema, type Settings } from '../../src-shared/settings';
import type { ChatModel, ChatRequest, ChatResult } from '../../src-main/engine/chat-model';
import type { CatalogModel } from '../../src-main/engine/selector/catalog-model';

/** Settings from a partial config, through the real schema (defaults filled). */
export function settingsWith(config: Record<string, unknown> = {}): Settings {
  // Without the built-in endpoint that default settings have: these tests describe the catalog and the cloud.
  return SettingsSchema.parse({ endpoints: [], ...config });
}

/** A local endpoint config serving `models`. */
export const localEndpoint = (name: string, url: string, models: Array<{ id: string; task: string; url?: string }>, enabled = true) => ({
  name,
  protocol: 'hf' as const,
  url,
  enabled,
  models,
});

export const HF = { token: 'hf_test_token', enabled: true };

const model = (id: string, task: string, downloads: number, likes = 1): CatalogModel => ({
  id,
  task,
  downloads,
  likes,
  license: 'apache-2.0',
  description: `${id} does ${task}`,
});

/** A small catalog with deliberately unsorted downloads. */
export const CATALOG: CatalogModel[] = [
  model('hustvl/yolos-tiny', 'object-detection', 300),
  model('facebook/detr-resnet-50', 'object-detection', 1500),
  model('facebook/detr-resnet-101', 'object-detection', 200),
  model('microsoft/table-transformer-detection', 'object-detection', 900),
  model('Salesforce/blip-image-captioning-large', 'image-to-text', 1000),
  model('nlpconnect/vit-gpt2-image-captioning', 'image-to-text', 700),
  model('openai/whisper-large-v3', 'automatic-speech-recognition', 5000),
  model('facebook/bart-large-cnn', 'summarization', 3000),
  model('lllyasviel/sd-controlnet-openpose', 'openpose-text-to-image', 60),
  model('google/vit-base-patch16-224', 'image-classification', 3000),
];

/** An in-memory ChatModel answering from a script; records every request. */
export class ScriptedChat implements ChatModel {
  readonly requests: ChatRequest[] = [];
  constructor(private readonly answer: string | ((request: ChatRequest) => string) | Error) {}

  async complete(request: ChatRequest): Promise<ChatResult> {
    this.requests.push(request);
    if (this.answer instanceof Error) throw this.answer;
    const text = typeof this.answer === 'function' ? this.answer(request) : this.answer;
    return { text, finishReason: 'stop', promptTokens: 100, completionTokens: 20 };
  }
}
