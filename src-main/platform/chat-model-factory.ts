// Which ChatModel the settings ask for: an OpenAI-compatible server, or the built-in LLM (node-llama-cpp).
import { builtInModelOf, type BuiltInLlmDownload } from '../../src-shared/built-in-llm';
import type { Settings } from '../../src-shared/settings';
import type { ChatModel } from '../engine/chat-model';
import { createGgufStore, type GgufStore } from './llama-chat/gguf-store';
import { createLlamaChatModel } from './llama-chat/llama-chat-model';
import { createLlamaWorkerClient, type LlamaWorkerClient } from './llama-chat/llama-worker-client';
import { createOpenAiChatModel } from './openai-chat';

/** Chat models for one data folder, re-created when the LLM settings change. */
export interface ChatModels {
  /** The ChatModel for the current settings. */
  chat(): ChatModel;
  /** The built-in LLM's model files. */
  ggufStore: GgufStore;
  /** Ends the built-in LLM's worker (a no-op when none runs). */
  close(): Promise<void>;
}

/**
 * One worker and one model store per data folder; `onDownload` sees every built-in model download.
 * @example const models = createChatModels({ dataDir, settings: () => store.get() }); await models.chat().complete(...)
 */
export function createChatModels(options: {
  dataDir: string;
  settings: () => Settings;
  onDownload?: (progress: BuiltInLlmDownload) => void;
  idleUnloadMs?: number;
}): ChatModels {
  const ggufStore = createGgufStore(
    options.dataDir,
    () => {
      const hf = options.settings().huggingface;
      return { hubUrl: hf.hubUrl, token: hf.token };
    },
    { onProgress: options.onDownload },
  );
  let worker: LlamaWorkerClient | undefined;
  let lastKey = '';
  let last: ChatModel | undefined;
  return {
    ggufStore,
    chat() {
      const settings = options.settings();
      const { llm } = settings;
      const routerUrl = settings.huggingface.routerUrl;
      const key = JSON.stringify({ llm, routerUrl });
      if (last && key === lastKey) return last;
      lastKey = key;
      if (llm.provider === 'built-in') {
        worker ??= createLlamaWorkerClient({ idleUnloadMs: options.idleUnloadMs });
        last = createLlamaChatModel({ model: builtInModelOf(llm.model), threads: llm.threads, deadlineMs: llm.deadlineMs, store: ggufStore, worker });
      } else last = createOpenAiChatModel(llm, { routerUrl });
      return last;
    },
    close: async () => worker?.close(),
  };
}
