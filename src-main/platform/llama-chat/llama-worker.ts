// The LLM worker thread's entry: one LlamaGenerator, driven by messages from llama-worker-client.ts.
import { parentPort } from 'node:worker_threads';
import { LlamaGenerator, ModelLoadError, PromptTooLongError, type GenerateRequest, type GenerateResult } from './llama-generator';

/** Messages to the worker. */
export type ToWorker = { type: 'generate'; id: number; request: GenerateRequest } | { type: 'cancel'; id: number };

/** Messages from the worker. */
export type FromWorker =
  | { type: 'delta'; id: number; text: string }
  | { type: 'done'; id: number; result: GenerateResult }
  | { type: 'error'; id: number; kind: 'cancelled' | 'too-long' | 'load-failed' | 'failed'; message: string };

const port = parentPort;
if (!port) throw new Error('llama-worker.ts runs only as a worker thread');
const generator = new LlamaGenerator();
const running = new Map<number, AbortController>();
const send = (message: FromWorker) => port.postMessage(message);

port.on('message', (message: ToWorker) => {
  if (message.type === 'cancel') return void running.get(message.id)?.abort();
  const controller = new AbortController();
  running.set(message.id, controller);
  generator
    .generate(message.request, (text) => send({ type: 'delta', id: message.id, text }), controller.signal)
    .then((result) => send({ type: 'done', id: message.id, result }))
    .catch((error: unknown) => {
      const kind = controller.signal.aborted ? 'cancelled' : error instanceof PromptTooLongError ? 'too-long' : error instanceof ModelLoadError ? 'load-failed' : 'failed';
      send({ type: 'error', id: message.id, kind, message: error instanceof Error ? error.message : String(error) });
    })
    .finally(() => running.delete(message.id));
});
