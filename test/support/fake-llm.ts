// A loopback OpenAI-compatible chat server for tests: it speaks the real wire format of
// POST /v1/chat/completions (plain JSON, or SSE when `stream: true`) and GET /v1/models.
//
// Usage:
//   const llm = await startFakeLlm();            // listens on 127.0.0.1, random port
//   llm.script('[]', { text: 'hi', finishReason: 'length' }, { status: 429 });  // answers, in order
//   llm.fallback((body) => 'OK');                // when the script is used up (default: 'OK')
//   ... new OpenAI({ baseURL: llm.baseURL, apiKey: 'x' }) ...
//   llm.requests                                 // the JSON bodies received, in order
//   await llm.close();
import type { IncomingMessage, ServerResponse } from 'node:http';
import { listenOnLoopback } from './loopback-http';

/** One scripted answer: a string is the assistant's text. */
export type FakeAnswer =
  | string
  | {
      /** The assistant's text (default ''). */
      text?: string;
      /** `stop` by default; `length` simulates a cut-off answer. */
      finishReason?: string;
      /** Answer with this HTTP error status instead (body: `errorBody` or an OpenAI-style error). */
      status?: number;
      errorBody?: unknown;
      /** Extra response headers (e.g. `retry-after`). */
      headers?: Record<string, string>;
      /** Wait this long before answering (for timeouts and cancellation). */
      delayMs?: number;
      /** Streaming only: wait this long before each content chunk after the first (stalled streams). */
      chunkDelayMs?: number;
      /** Streaming only: characters per content chunk (default 7). */
      chunkSize?: number;
      /** Reported usage (defaults: about one token per 4 characters). */
      promptTokens?: number;
      completionTokens?: number;
      /** Report no usage at all, as some local servers do. */
      omitUsage?: boolean;
      /**
       * Behave like a server without structured output: a request carrying `response_format` gets a
       * 400 and this answer stays queued; the retry without `response_format` receives it.
       */
      rejectResponseFormat?: boolean;
      /** Non-streamed only: send the headers and half the body, then stall this long (a hung server). */
      stallBodyMs?: number;
    };

/** How a server refuses a request it does not accept: status, body and its content type. */
export interface FakeRefusal {
  status: number;
  body: string;
  contentType: string;
}

/** A running fake LLM server. */
export interface FakeLlm {
  /** `http://127.0.0.1:PORT/v1`, the `baseURL` for the openai client. */
  baseURL: string;
  /** The JSON bodies of every chat completion request, in order of arrival. */
  requests: any[];
  /** Queues answers, consumed one per request in order. */
  script(...answers: FakeAnswer[]): void;
  /** Sets the answer used when the queue is empty. */
  fallback(fn: (body: any) => FakeAnswer): void;
  /** Makes the server refuse requests as a real one would (checked before the script; undefined: accept). */
  refuse(fn: ((body: any) => FakeRefusal | undefined) | undefined): void;
  /** Sets what `GET /v1/models` lists (default: one bare model), e.g. with the HF router's `providers`. */
  models(data: unknown[]): void;
  /** How many requests were refused by the `refuse` rule. */
  refused: number;
  close(): Promise<void>;
}

type AnswerSpec = Exclude<FakeAnswer, string>;

const roughTokens = (text: string): number => Math.max(1, Math.ceil(text.length / 4));

function errorBodyFor(status: number): unknown {
  const type = status === 401 ? 'invalid_api_key' : status === 429 ? 'rate_limit_exceeded' : status === 400 ? 'invalid_request_error' : 'server_error';
  return { error: { message: `fake LLM error ${status}`, type, code: type, param: null } };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

/** Starts the fake on 127.0.0.1 with a random port. */
export async function startFakeLlm(): Promise<FakeLlm> {
  const queue: FakeAnswer[] = [];
  const requests: any[] = [];
  let fallbackFn: (body: any) => FakeAnswer = () => 'OK';
  let refuseFn: ((body: any) => FakeRefusal | undefined) | undefined;
  let refusedCount = 0;
  let modelList: unknown[] = [{ id: 'fake-model', object: 'model', created: 0, owned_by: 'fake' }];
  const timers = new Set<NodeJS.Timeout>();
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(() => (timers.delete(t), resolve()), ms);
      timers.add(t);
    });

  function nextAnswer(body: any): AnswerSpec | 'reject-format' {
    const head = queue[0];
    if (head !== undefined && typeof head === 'object' && head.rejectResponseFormat && body.response_format) return 'reject-format';
    const answer = queue.length > 0 ? queue.shift()! : fallbackFn(body);
    if (typeof answer === 'object' && answer.rejectResponseFormat && body.response_format) return 'reject-format';
    return typeof answer === 'string' ? { text: answer } : answer;
  }

  async function streamAnswer(res: ServerResponse, body: any, answer: AnswerSpec, usage: Record<string, number> | undefined) {
    const base = { id: `chatcmpl-fake-${requests.length}`, object: 'chat.completion.chunk', created: Math.floor(Date.now() / 1000), model: body.model ?? 'fake-model' };
    const write = (chunk: unknown) => res.write(`data: ${JSON.stringify(chunk)}\n\n`);
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive', ...answer.headers });
    write({ ...base, choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }] });
    const text = answer.text ?? '';
    const size = Math.max(1, answer.chunkSize ?? 7);
    for (let i = 0; i < text.length; i += size) {
      if (i > 0 && answer.chunkDelayMs) await sleep(answer.chunkDelayMs);
      if (res.destroyed) return;
      write({ ...base, choices: [{ index: 0, delta: { content: text.slice(i, i + size) }, finish_reason: null }] });
    }
    write({ ...base, choices: [{ index: 0, delta: {}, finish_reason: answer.finishReason ?? 'stop' }] });
    if (usage && body.stream_options?.include_usage) write({ ...base, choices: [], usage });
    res.end('data: [DONE]\n\n');
  }

  async function completions(req: IncomingMessage, res: ServerResponse) {
    let body: any;
    try {
      body = JSON.parse(await readBody(req));
    } catch {
      return sendJson(res, 400, { error: { message: 'request body is not JSON', type: 'invalid_request_error' } });
    }
    requests.push(body);
    const refusal = refuseFn?.(body);
    if (refusal) {
      refusedCount++;
      res.writeHead(refusal.status, { 'content-type': refusal.contentType });
      return res.end(refusal.body);
    }
    const answer = nextAnswer(body);
    if (answer === 'reject-format') {
      return sendJson(res, 400, { error: { message: "'response_format' is not supported by this server", type: 'invalid_request_error', param: 'response_format', code: null } });
    }
    if (answer.delayMs) await sleep(answer.delayMs);
    if (res.destroyed) return;
    if (answer.status && answer.status >= 300) return sendJson(res, answer.status, answer.errorBody ?? errorBodyFor(answer.status), answer.headers);
    const text = answer.text ?? '';
    const promptText = (body.messages ?? []).map((m: any) => (typeof m.content === 'string' ? m.content : JSON.stringify(m.content))).join('\n');
    const promptTokens = answer.promptTokens ?? roughTokens(promptText);
    const completionTokens = answer.completionTokens ?? roughTokens(text);
    const usage = answer.omitUsage ? undefined : { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens };
    if (body.stream) return streamAnswer(res, body, answer, usage);
    if (answer.stallBodyMs) {
      const whole = JSON.stringify({ id: 'chatcmpl-stalled', object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' }] });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write(whole.slice(0, whole.length >> 1));
      await sleep(answer.stallBodyMs);
      return res.end(whole.slice(whole.length >> 1));
    }
    sendJson(
      res,
      200,
      {
        id: `chatcmpl-fake-${requests.length}`,
        object: 'chat.completion',
        created: Math.floor(Date.now() / 1000),
        model: body.model ?? 'fake-model',
        choices: [{ index: 0, message: { role: 'assistant', content: text, refusal: null }, logprobs: null, finish_reason: answer.finishReason ?? 'stop' }],
        ...(usage ? { usage } : {}),
      },
      answer.headers,
    );
  }

  const { server, url, close } = await listenOnLoopback((req, res, { pathname: path }) => {
    if (req.method === 'POST' && path === '/v1/chat/completions') {
      completions(req, res).catch((error) => {
        if (!res.headersSent) sendJson(res, 500, { error: { message: String(error), type: 'server_error' } });
        else res.destroy();
      });
    } else if (req.method === 'GET' && path === '/v1/models') {
      sendJson(res, 200, { object: 'list', data: modelList });
    } else sendJson(res, 404, { error: { message: `no route ${req.method} ${path}`, type: 'not_found' } });
  });
  // Keep idle connections as long as real servers do (nginx: 75 s): Node's 5 s default races with a client
  // whose event loop was busy (the offline tokenizer loads synchronously) and reads as ECONNRESET.
  server.keepAliveTimeout = 60_000;

  return {
    baseURL: `${url}/v1`,
    requests,
    script: (...answers) => void queue.push(...answers),
    fallback: (fn) => void (fallbackFn = fn),
    refuse: (fn) => void (refuseFn = fn),
    models: (data) => void (modelList = data),
    get refused() {
      return refusedCount;
    },
    close: () => {
      for (const t of timers) clearTimeout(t);
      return close();
    },
  };
}
