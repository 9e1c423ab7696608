// What runs inside the LLM worker: node-llama-cpp on the CPU (prebuilt binaries only), one model loaded at a
// time, one context sized to fit the prompt, JSON-schema grammars for structured answers, text streamed.
import { getLlama, LlamaChat, LlamaLogLevel, resolveChatWrapper, type ChatHistoryItem, type ChatWrapper, type Llama, type LlamaContext, type LlamaGrammar, type LlamaModel } from 'node-llama-cpp';
import type { ChatMessage } from '../../engine/chat-model';

/** One generation, as the worker receives it. */
export interface GenerateRequest {
  modelPath: string;
  messages: ChatMessage[];
  jsonSchema?: Record<string, unknown>;
  maxTokens?: number;
  temperature?: number;
  /** CPU threads; 0 or absent: node-llama-cpp's default (every core). */
  threads?: number;
}

/** What a generation returns. */
export interface GenerateResult {
  text: string;
  finishReason: 'stop' | 'length';
  promptTokens: number;
  completionTokens: number;
}

/** A generation refused before it started: the prompt cannot fit the model. */
export class PromptTooLongError extends Error {}

/** The GGUF file could not be loaded (not a model node-llama-cpp can run, damaged, or too big for memory). */
export class ModelLoadError extends Error {}

const DEFAULT_MAX_TOKENS = 1024;
const MIN_CONTEXT = 2048;
const CONTEXT_STEP = 1024;

const toHistory = (messages: ChatMessage[]): ChatHistoryItem[] => [
  ...messages.map((m): ChatHistoryItem =>
    m.role === 'assistant' ? { type: 'model', response: [m.content] } : m.role === 'system' ? { type: 'system', text: m.content } : { type: 'user', text: m.content },
  ),
  { type: 'model', response: [] },
];

/** Loads models on demand and generates; calls are served one at a time. */
export class LlamaGenerator {
  private llama?: Promise<Llama>;
  private model?: { path: string; model: LlamaModel; wrapper: ChatWrapper };
  private context?: { context: LlamaContext; chat: LlamaChat; threads: number };
  private grammars = new Map<string, LlamaGrammar>();
  private queue: Promise<unknown> = Promise.resolve();

  /** Generates one answer; `onDelta` receives text as it is produced; `signal` stops generation. */
  generate(request: GenerateRequest, onDelta: (text: string) => void, signal: AbortSignal): Promise<GenerateResult> {
    const run = this.queue.then(() => this.run(request, onDelta, signal));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Frees the model and the native runtime. */
  async dispose(): Promise<void> {
    await this.queue;
    await this.context?.context.dispose();
    await this.model?.model.dispose();
    await (await this.llama)?.dispose();
  }

  private async load(path: string): Promise<{ model: LlamaModel; wrapper: ChatWrapper }> {
    if (this.model?.path === path) return this.model;
    await this.context?.context.dispose();
    await this.model?.model.dispose();
    this.model = undefined;
    this.context = undefined;
    this.grammars.clear();
    this.llama ??= getLlama({ gpu: false, build: 'never', logLevel: LlamaLogLevel.error });
    let model: LlamaModel;
    try {
      model = await (await this.llama).loadModel({ modelPath: path });
    } catch (error) {
      throw new ModelLoadError(error instanceof Error ? error.message : String(error));
    }
    // The chat template in the file decides the prompt format, as LlamaChat's "auto" would.
    this.model = { path, model, wrapper: resolveChatWrapper(model) };
    return this.model;
  }

  /** A context big enough for `tokens`, re-created only when the current one is too small. */
  private async contextFor({ model, wrapper }: { model: LlamaModel; wrapper: ChatWrapper }, tokens: number, threads: number): Promise<LlamaChat> {
    if (tokens > model.trainContextSize) {
      throw new PromptTooLongError(`the prompt and answer need ${tokens} tokens; this model handles ${model.trainContextSize}: choose a model with a longer context or shorten the conversation`);
    }
    if (this.context && this.context.context.contextSize >= tokens && this.context.threads === threads) return this.context.chat;
    await this.context?.context.dispose();
    const size = Math.min(model.trainContextSize, Math.max(MIN_CONTEXT, Math.ceil(tokens / CONTEXT_STEP) * CONTEXT_STEP));
    const context = await model.createContext({ contextSize: size, sequences: 1, ...(threads ? { threads } : {}) });
    this.context = { context, threads, chat: new LlamaChat({ contextSequence: context.getSequence(), chatWrapper: wrapper }) };
    return this.context.chat;
  }

  private async grammar(schema: Record<string, unknown>): Promise<LlamaGrammar> {
    const key = JSON.stringify(schema);
    let grammar = this.grammars.get(key);
    if (!grammar) {
      grammar = await (await this.llama!).createGrammarForJsonSchema(schema as any);
      this.grammars.set(key, grammar);
    }
    return grammar;
  }

  private async run(request: GenerateRequest, onDelta: (text: string) => void, signal: AbortSignal): Promise<GenerateResult> {
    signal.throwIfAborted();
    const loaded = await this.load(request.modelPath);
    const { model } = loaded;
    const history = toHistory(request.messages);
    const maxTokens = request.maxTokens ?? DEFAULT_MAX_TOKENS;
    const promptTokens = loaded.wrapper.generateContextState({ chatHistory: history }).contextText.tokenize(model.tokenizer).length;
    const chat = await this.contextFor(loaded, promptTokens + maxTokens + 16, request.threads ?? 0);
    const grammar = request.jsonSchema ? await this.grammar(request.jsonSchema) : undefined;
    signal.throwIfAborted();
    const response = await chat.generateResponse(history, {
      maxTokens,
      temperature: request.temperature ?? 0,
      ...(grammar ? { grammar } : {}),
      signal,
      onTextChunk: onDelta,
    });
    const text = response.response;
    return {
      text,
      finishReason: response.metadata.stopReason === 'maxTokens' ? 'length' : 'stop',
      promptTokens,
      completionTokens: model.tokenize(text).length,
    };
  }
}
