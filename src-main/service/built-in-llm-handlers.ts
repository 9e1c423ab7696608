// The contract's `llm.*` channels: the built-in LLM's models listed, downloaded, cancelled, deleted.
import { builtInLlmEntries, builtInModelOf, parseGgufRef } from '../../src-shared/built-in-llm';
import type { ConnectionCheck, StudioHandlers } from '../../src-shared/contract';
import type { Settings } from '../../src-shared/settings';
import type { ChatModel } from '../engine/chat-model';
import { StudioError } from '../../src-shared/contract-error';
import { GgufDownloadError } from '../platform/llama-chat/gguf-download';
import type { GgufStore } from '../platform/llama-chat/gguf-store';

type LlmHandlers = Pick<StudioHandlers, 'llm.models' | 'llm.download' | 'llm.cancelDownload' | 'llm.delete'>;

/** "<org>/<repo>/<file>.gguf" from a request, refused (kind `invalid-input`) otherwise. */
function modelFrom(value: string): string {
  try {
    const ref = parseGgufRef(value);
    return `${ref.repo}/${ref.file}`;
  } catch (error) {
    throw new StudioError('invalid-input', (error as Error).message);
  }
}

/** Handlers over one model store; downloads report progress through the store's listeners. */
export function createBuiltInLlmHandlers(options: { store: GgufStore; settings: () => Settings }): LlmHandlers {
  const { store } = options;
  return {
    'llm.models': async () => builtInLlmEntries(await store.list(), options.settings().llm.model),
    'llm.download': async ({ model }) => {
      const chosen = model ? modelFrom(model) : builtInModelOf(options.settings().llm.model);
      try {
        await store.ensure(chosen);
      } catch (error) {
        if (error instanceof GgufDownloadError) throw new StudioError(error.kind === 'cancelled' ? 'cancelled' : 'download-failed', error.message);
        throw error;
      }
      const bytes = (await store.list()).find((d) => d.model === chosen)?.bytes ?? 0;
      return { model: chosen, bytes };
    },
    'llm.cancelDownload': async ({ model }) => ({ cancelled: store.cancel(modelFrom(model)) }),
    'llm.delete': async ({ model }) => ({ deleted: await store.delete(modelFrom(model)) }),
  };
}

/**
 * "Test connection" for the built-in LLM: one short answer from the selected model when it is downloaded;
 * never starts a multi-gigabyte download by itself.
 */
export async function testBuiltInLlm(options: { store: GgufStore; settings: () => Settings; chat: () => ChatModel }): Promise<ConnectionCheck> {
  const model = builtInModelOf(options.settings().llm.model);
  const downloaded = (await options.store.list()).some((d) => d.model === model);
  if (!downloaded) return { ok: false, message: `${model} is not downloaded yet: download it in Settings > Built-in LLM (or "hugginggpt llm download")` };
  const started = Date.now();
  try {
    const result = await options.chat().complete({ messages: [{ role: 'user', content: 'Reply with the single word OK.' }], maxTokens: 5, temperature: 0 });
    return { ok: true, message: `the built-in LLM ${model} answered "${result.text.trim().slice(0, 40)}"`, latencyMs: Date.now() - started };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error), latencyMs: Date.now() - started };
  }
}
