// The built-in LLM as a ChatModel: the GGUF file is downloaded on first use (progress: the store's listener), then every call runs in the
// worker thread, with the request's JSON schema turned into a grammar and text streamed through onDelta.
import { LlmError, type ChatModel, type ChatRequest, type ChatResult } from '../../engine/chat-model';
import { GgufDownloadError } from './gguf-download';
import type { GgufStore } from './gguf-store';
import { WorkerGenerateError, type LlamaWorkerClient } from './llama-worker-client';

/** Maps a download or worker failure to an LlmError a user can act on. */
function toLlmError(error: unknown, model: string): LlmError {
  if (error instanceof LlmError) return error;
  if (error instanceof GgufDownloadError) {
    if (error.kind === 'cancelled') return new LlmError('cancelled', error.message);
    if (error.kind === 'not-found') return new LlmError('bad-request', `the built-in LLM ${model} cannot be downloaded: ${error.message}`);
    return new LlmError('network', `the built-in LLM ${model} could not be downloaded: ${error.message}`);
  }
  if (error instanceof WorkerGenerateError) {
    if (error.kind === 'cancelled') return new LlmError('cancelled', 'the LLM call was cancelled');
    if (error.kind === 'too-long') return new LlmError('bad-request', error.message);
    if (error.kind === 'load-failed') {
      return new LlmError('bad-request', `the built-in LLM cannot load ${model} (${error.message}): delete it (Settings > Built-in LLM, or hugginggpt llm delete ${model}) and download it again, or choose another model`);
    }
    return new LlmError('http', `the built-in LLM ${model} failed: ${error.message}`);
  }
  return new LlmError('http', `the built-in LLM ${model} failed: ${error instanceof Error ? error.message : String(error)}`);
}

/**
 * A ChatModel running `model` ("<org>/<repo>/<file>.gguf") on this machine.
 * @example createLlamaChatModel({ model, store, worker })
 */
export function createLlamaChatModel(options: {
  model: string;
  /** CPU threads (0: every core). */
  threads?: number;
  /** Longest generation (`llm.deadlineMs`); the one-time download is not counted. */
  deadlineMs?: number;
  store: GgufStore;
  worker: LlamaWorkerClient;
}): ChatModel {
  const { model, store, worker } = options;
  return {
    async complete(request: ChatRequest): Promise<ChatResult> {
      try {
        const modelPath = await store.ensure(model, { signal: request.signal });
        const signals = [request.signal, options.deadlineMs ? AbortSignal.timeout(options.deadlineMs) : undefined].filter((x): x is AbortSignal => x !== undefined);
        return await worker.generate(
          { modelPath, messages: request.messages, jsonSchema: request.jsonSchema?.schema, maxTokens: request.maxTokens, temperature: request.temperature, threads: options.threads },
          { signal: signals.length ? AbortSignal.any(signals) : undefined, onDelta: request.onDelta },
        );
      } catch (error) {
        if (error instanceof WorkerGenerateError && error.kind === 'cancelled' && !request.signal?.aborted) {
          throw new LlmError('timeout', `the built-in LLM ${model} did not finish within ${options.deadlineMs} ms (llm.deadlineMs); try a smaller model, fewer tasks or more threads`);
        }
        throw toLlmError(error, model);
      }
    },
  };
}
