// A loopback fake of a Hugging Face inference endpoint (hf-inference layout) and of the Inference Providers
// router, for tests and e2e runs.
//
// Models live at `${url}/models/<org>/<name>` (or `${url}/models/<name>`); as the router, the same models
// answer at `${url}/<provider>/models/<org>/<name>` (the route @huggingface/inference builds for
// hf-inference: `${HF_ROUTER_URL}/hf-inference/models/<id>`, chat at `.../v1/chat/completions`), where
// the router asks for a token (401 without one) and answers 404 {"error"} for a model not deployed
// there. Vision-language models (task `image-text-to-text`) answer chat completions whose user message
// carries an `image_url` content part. `GET ${url}/health` answers
// {"status":"ok"}. Each configured model answers in the real wire format of its task (see
// fake-hf-answers.ts): e.g. object detection [{score,label,box:{xmin,ymin,xmax,ymax}}], image-to-text
// [{generated_text}], text-to-speech a WAV, text-to-image and ControlNet a PNG, text-generation the
// OpenAI completions format at `<model>/v1/completions`, conversational `<model>/v1/chat/completions`.
// A request with the wrong wire format for its task (JSON where raw bytes are expected, missing
// "inputs", ...) gets 400 {"error"}; an unknown model gets 404 {"error"}.
//
// @example
//   const hf = await startFakeHf({ models: { 'facebook/detr-resnet-50': { task: 'object-detection' } } });
//   hf.script('facebook/detr-resnet-50', { status: 503, estimatedTime: 2 }, { status: 429, retryAfter: 1 });
//   ... calls ...; expect(hf.requests[0].contentType).toBe('image/png'); await hf.close();
import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import { defaultAnswer, wireProblem, type FakeReply, type FakeRequestView } from './fake-hf-answers';
import { tinyPng } from './fake-hf-media';
import { listenOnLoopback } from './loopback-http';

export type { FakeReply } from './fake-hf-answers';

/** How one model behaves: its task type decides the default answer; `reply` replaces that answer. */
export interface FakeModelBehaviour {
  task: string;
  reply?: FakeReply;
}

/**
 * One scripted step, consumed by the model's next request (in order; then default answers resume):
 * 503 loading (`{"error", "estimated_time"}`), 429 with a Retry-After header (seconds), another status with
 * a body (string -> `{"error": body}`, object as JSON), a delay before the normal answer, a request
 * that never gets an answer, or any custom reply.
 */
export type FakeStep =
  | { status: 503; estimatedTime: number }
  | { status: 429; retryAfter?: number }
  | { status: number; body?: string | object }
  | { delayMs: number }
  | { hang: true }
  | { reply: FakeReply };

/** One request the fake received. `json` is set when the body parsed as JSON. */
export interface FakeRequest {
  model: string;
  /** The provider segment when called as the router (`hf-inference`), undefined for the endpoint layout. */
  provider?: string;
  /** The path after the model id ('' or '/v1/completions', '/v1/chat/completions', '/pipeline/<task>'). */
  route: string;
  contentType: string;
  body: Buffer;
  json?: unknown;
  headers: IncomingHttpHeaders;
}

/** The running fake. */
export interface FakeHf {
  /** Base URL, e.g. http://127.0.0.1:40123 (no trailing slash). */
  url: string;
  /** Every model request in arrival order (health checks excluded). */
  requests: FakeRequest[];
  /** The most model requests ever open at once. */
  readonly maxInFlight: number;
  /** Model requests open right now. */
  readonly inFlight: number;
  /** Queues steps for `model`'s next requests. */
  script(model: string, ...steps: FakeStep[]): void;
  /** Delays every answer by `ms` (0 to stop). */
  setLatency(ms: number): void;
  /** Adds or replaces a model. */
  addModel(model: string, behaviour: FakeModelBehaviour): void;
  /** Stops listening and drops open (hanging) connections. */
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function send(res: ServerResponse, reply: FakeReply, extraHeaders: Record<string, string> = {}): void {
  if (res.destroyed) return;
  const isBytes = Buffer.isBuffer(reply.body) || typeof reply.body === 'string';
  const body = isBytes ? Buffer.from(reply.body as Buffer | string) : Buffer.from(JSON.stringify(reply.body));
  const contentType = reply.contentType ?? (isBytes ? 'application/octet-stream' : 'application/json');
  res.writeHead(reply.status ?? 200, { 'Content-Type': contentType, 'Content-Length': body.length, ...extraHeaders });
  res.end(body);
}

/** Starts the fake on 127.0.0.1 with a random port. */
export async function startFakeHf(options: { models?: Record<string, FakeModelBehaviour> } = {}): Promise<FakeHf> {
  const models = new Map(Object.entries(options.models ?? {}));
  const scripts = new Map<string, FakeStep[]>();
  const requests: FakeRequest[] = [];
  let latencyMs = 0, inFlight = 0, maxInFlight = 0;

  const server = await listenOnLoopback(async (req, res, url) => {
    const path = url.pathname;
    if (req.method === 'GET' && path === '/health') return send(res, { body: { status: 'ok' } });
    const match = /^(?:\/([a-z][\w-]*))?\/models\/(.+)$/.exec(path);
    // Third-party image providers behind the router speak the OpenAI images API with the provider's model id
    // in the body (@huggingface/inference providers/nscale.ts and together.ts: `<router>/<provider>/v1/images/generations`).
    const images = /^\/([a-z][\w-]*)\/v1\/images\/generations$/.exec(path);
    if ((!match && !images) || req.method !== 'POST') return send(res, { status: 404, body: { error: `No route ${req.method} ${path}` } });
    const provider = match ? match[1] : images![1];
    // The router refuses calls without a token (huggingface.co answers 401 with this body).
    if (provider && !req.headers.authorization) return send(res, { status: 401, body: { error: 'Invalid credentials in Authorization header' } });

    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    let open = true;
    const done = () => { if (open) { open = false; inFlight--; } };
    res.on('close', done);

    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const contentType = req.headers['content-type'] ?? '';
    let json: unknown;
    if (contentType.startsWith('application/json')) {
      try { json = JSON.parse(body.toString('utf8')); } catch { json = undefined; }
    }
    let model: string;
    let route: string;
    if (match) {
      const [first, second, ...more] = match[2].split('/');
      // An unknown model is read as org/name when the path has two segments (the usual Hub repo id).
      const twoPart = second !== undefined && (models.has(`${first}/${second}`) || !models.has(first));
      model = twoPart ? `${first}/${second}` : first;
      route = (twoPart ? more : [second, ...more].filter((s) => s !== undefined)).map((s) => `/${s}`).join('');
    } else {
      model = String((json as { model?: unknown } | undefined)?.model ?? '');
      route = '/v1/images/generations';
    }
    requests.push({ model, provider, route, contentType, body, json, headers: req.headers });

    const behaviour = models.get(model);
    if (!behaviour) return send(res, { status: 404, body: { error: `Model ${model} does not exist` } });
    const step = scripts.get(model)?.shift();
    if (latencyMs > 0) await sleep(latencyMs);
    if (step && 'hang' in step) return; // never answered; close() drops the socket
    if (step && 'delayMs' in step) await sleep(step.delayMs);
    if (step && 'reply' in step) return send(res, step.reply);
    if (step && 'status' in step) {
      if (step.status === 503 && 'estimatedTime' in step) {
        return send(res, { status: 503, body: { error: `Model ${model} is currently loading`, estimated_time: step.estimatedTime } });
      }
      if (step.status === 429) {
        const retryAfter = 'retryAfter' in step && step.retryAfter !== undefined ? { 'Retry-After': String(step.retryAfter) } : undefined;
        return send(res, { status: 429, body: { error: 'Rate limit reached. You reached free usage limit.' } }, retryAfter);
      }
      const errBody = 'body' in step ? step.body : undefined;
      return send(res, { status: step.status, body: typeof errBody === 'object' ? errBody : { error: errBody ?? `HTTP ${step.status}` } });
    }
    const view: FakeRequestView = { path: route, contentType, body, json };
    if (images) {
      const prompt = (json as { prompt?: unknown } | undefined)?.prompt;
      if (typeof prompt !== 'string') return send(res, { status: 400, body: { error: 'prompt is required' } });
      return send(res, { body: { data: [{ b64_json: tinyPng(16, 16, [200, 30, 30]).toString('base64') }] } });
    }
    const problem = wireProblem(behaviour.task, view);
    if (problem) return send(res, { status: 400, body: { error: problem } });
    send(res, behaviour.reply ?? defaultAnswer(behaviour.task, view));
  });

  return {
    url: server.url,
    requests,
    get maxInFlight() { return maxInFlight; },
    get inFlight() { return inFlight; },
    script(model, ...steps) { scripts.set(model, [...(scripts.get(model) ?? []), ...steps]); },
    setLatency(ms) { latencyMs = ms; },
    addModel(model, behaviour) { models.set(model, behaviour); },
    close: server.close,
  };
}
