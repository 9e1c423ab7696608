// A loopback fake of a ComfyUI server, answering as comfyanonymous/ComfyUI's server.py and execution.py do:
//   POST /upload/image (multipart `image`) -> {name, subfolder, type}; POST /prompt {prompt, client_id} ->
//   {prompt_id, number, node_errors}, or 400 {error: {type, message, details, extra_info}, node_errors:
//   {<id>: {errors: [{type, message, details, extra_info}], dependent_outputs, class_type}}};
//   GET /history/<id> -> {} until done, then {<id>: {prompt, outputs: {<node>: {images: [{filename, subfolder,
//   type}]}}, status: {status_str, completed, messages}}}; GET /view?filename=&subfolder=&type=;
//   POST /interrupt; POST /queue {delete}; GET /system_stats; GET /object_info/<Node> (combo inputs as
//   [[choices], {tooltip}], or ["COMBO", {options}] on newer servers); /ws?clientId= with `progress` {value, max, prompt_id} and `executing` {node: null}.
// Optionally behind a basic-auth reverse proxy (nginx's 401 page and WWW-Authenticate), sockets included.
// The "execution" makes a PNG whose colour depends on the prompt, seed and checkpoint (and input image).
import { createHash, randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { PNG } from 'pngjs';
import { WebSocketServer, type WebSocket } from 'ws';
import { listenOnLoopback } from './loopback-http';

/** How the fake behaves. */
export interface FakeComfyOptions {
  checkpoints?: string[];
  controlnets?: string[];
  /** Serve /ws (default true); without it clients must poll /history. */
  websocket?: boolean;
  /** Prompts run until interrupted (to test cancel). */
  hold?: boolean;
  /** List combo choices in the newer form `["COMBO", {options: [...]}]`. */
  comboV3?: boolean;
  /** Make execution fail in this node id with this message. */
  failIn?: { node: string; message: string };
  /**
   * Stand behind a reverse proxy that wants this Authorization value (ComfyUI has no login of its own; people
   * put nginx or Caddy with basic auth in front): 401 with `WWW-Authenticate` otherwise, on the socket's upgrade too.
   */
  requireAuthorization?: string;
}

/** One queued prompt, as the fake received it. */
export interface FakePrompt {
  id: string;
  clientId?: string;
  prompt: Record<string, { class_type: string; inputs: Record<string, any> }>;
}

/** The running fake. */
export interface FakeComfy {
  url: string;
  options: FakeComfyOptions;
  /** `METHOD /path` of every request. */
  log: string[];
  prompts: FakePrompt[];
  /** Uploaded images by the name the fake gave them. */
  uploads: Map<string, Buffer>;
  /** Images the fake made, by file name. */
  outputs: Map<string, Buffer>;
  close(): Promise<void>;
}

const CORE_NODES = new Set(['CheckpointLoaderSimple', 'CLIPTextEncode', 'KSampler', 'EmptyLatentImage', 'VAEDecode', 'SaveImage', 'LoadImage', 'VAEEncode', 'ControlNetLoader', 'ControlNetApplyAdvanced']);

const json = (res: ServerResponse, body: unknown, status = 200) => res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));

/** A PNG of one colour, chosen by hashing `seedText`. */
export function pngFor(seedText: string, size = 8): Buffer {
  const [r, g, b] = createHash('sha256').update(seedText).digest();
  const png = new PNG({ width: size, height: size });
  for (let i = 0; i < png.data.length; i += 4) png.data.set([r, g, b, 255], i);
  return PNG.sync.write(png);
}

/** Starts the fake on 127.0.0.1 with a random port. */
export async function startFakeComfy(options: FakeComfyOptions = {}): Promise<FakeComfy> {
  const checkpoints = options.checkpoints ?? ['v1-5-pruned-emaonly.safetensors'];
  const controlnets = options.controlnets ?? [];
  const log: string[] = [];
  const prompts: FakePrompt[] = [];
  const uploads = new Map<string, Buffer>();
  const outputs = new Map<string, Buffer>();
  const history = new Map<string, unknown>();
  const held = new Map<string, () => void>();
  const sockets = new Map<string, WebSocket>();
  let counter = 0;

  const wsSend = (clientId: string | undefined, type: string, data: unknown) => {
    const socket = clientId ? sockets.get(clientId) : undefined;
    socket?.send(JSON.stringify({ type, data }));
  };

  // execution.py validate_inputs: a combo value must be one of the choices.
  const notInList = (id: string, node: FakePrompt['prompt'][string], input: string, choices: string[]) => ({
    [id]: { errors: [{ type: 'value_not_in_list', message: 'Value not in list', details: `${input}: '${node.inputs[input]}' not in ${JSON.stringify(choices)}`, extra_info: { input_name: input, received_value: node.inputs[input] } }], dependent_outputs: ['9'], class_type: node.class_type },
  });

  function validate(prompt: FakePrompt['prompt']): { status: 400; body: unknown } | undefined {
    for (const [id, node] of Object.entries(prompt)) {
      if (!CORE_NODES.has(node.class_type)) {
        return { status: 400, body: { error: { type: 'invalid_prompt', message: `Cannot execute because node ${node.class_type} does not exist.`, details: `Node ID '#${id}'`, extra_info: {} }, node_errors: {} } };
      }
    }
    let nodeErrors = {};
    for (const [id, node] of Object.entries(prompt)) {
      if (node.class_type === 'CheckpointLoaderSimple' && !checkpoints.includes(node.inputs.ckpt_name)) nodeErrors = { ...nodeErrors, ...notInList(id, node, 'ckpt_name', checkpoints) };
      if (node.class_type === 'ControlNetLoader' && !controlnets.includes(node.inputs.control_net_name)) nodeErrors = { ...nodeErrors, ...notInList(id, node, 'control_net_name', controlnets) };
      if (node.class_type === 'LoadImage' && !uploads.has(node.inputs.image)) nodeErrors = { ...nodeErrors, ...notInList(id, node, 'image', [...uploads.keys()]) };
    }
    if (Object.keys(nodeErrors).length > 0) {
      return { status: 400, body: { error: { type: 'prompt_outputs_failed_validation', message: 'Prompt outputs failed validation', details: '', extra_info: {} }, node_errors: nodeErrors } };
    }
    if (!Object.values(prompt).some((n) => n.class_type === 'SaveImage')) {
      return { status: 400, body: { error: { type: 'prompt_no_outputs', message: 'Prompt has no outputs', details: '', extra_info: {} }, node_errors: [] } };
    }
    return undefined;
  }

  async function execute(entry: FakePrompt): Promise<void> {
    const started = ['execution_start', { prompt_id: entry.id, timestamp: Date.now() }];
    await new Promise((resolve) => setTimeout(resolve, 5));
    const sampler = Object.entries(entry.prompt).find(([, n]) => n.class_type === 'KSampler');
    const steps = Math.min(Number(sampler?.[1].inputs.steps ?? 1), 20);
    wsSend(entry.clientId, 'executing', { node: sampler?.[0], display_node: sampler?.[0], prompt_id: entry.id });
    for (let value = 1; value <= steps; value++) wsSend(entry.clientId, 'progress', { value, max: steps, prompt_id: entry.id, node: sampler?.[0] });
    if (options.hold) {
      await new Promise<void>((resolve) => held.set(entry.id, resolve));
      const interrupted = ['execution_interrupted', { prompt_id: entry.id, node_id: sampler?.[0], node_type: 'KSampler', executed: [] }];
      history.set(entry.id, { prompt: [0, entry.id, entry.prompt, {}, ['9']], outputs: {}, status: { status_str: 'error', completed: false, messages: [started, interrupted] }, meta: {} });
      wsSend(entry.clientId, 'execution_interrupted', interrupted[1]);
      return;
    }
    if (options.failIn) {
      const node = entry.prompt[options.failIn.node];
      const error = ['execution_error', { prompt_id: entry.id, node_id: options.failIn.node, node_type: node?.class_type, exception_message: options.failIn.message, exception_type: 'RuntimeError', traceback: [] }];
      history.set(entry.id, { prompt: [0, entry.id, entry.prompt, {}, ['9']], outputs: {}, status: { status_str: 'error', completed: false, messages: [started, error] }, meta: {} });
      wsSend(entry.clientId, 'execution_error', error[1]);
      return;
    }
    const loaded = Object.values(entry.prompt).filter((n) => n.class_type === 'LoadImage').map((n) => createHash('sha256').update(uploads.get(n.inputs.image)!).digest('hex'));
    const texts = Object.values(entry.prompt).filter((n) => n.class_type === 'CLIPTextEncode').map((n) => n.inputs.text);
    const made = pngFor(JSON.stringify([texts, sampler?.[1].inputs.seed, Object.values(entry.prompt).find((n) => n.class_type === 'CheckpointLoaderSimple')?.inputs.ckpt_name, loaded]));
    const outputsOf: Record<string, unknown> = {};
    for (const [id, node] of Object.entries(entry.prompt)) {
      if (node.class_type !== 'SaveImage') continue;
      const filename = `${node.inputs.filename_prefix ?? 'ComfyUI'}_${String(++counter).padStart(5, '0')}_.png`;
      outputs.set(filename, made);
      outputsOf[id] = { images: [{ filename, subfolder: '', type: 'output' }] };
    }
    const success = ['execution_success', { prompt_id: entry.id, timestamp: Date.now() }];
    history.set(entry.id, { prompt: [0, entry.id, entry.prompt, {}, Object.keys(outputsOf)], outputs: outputsOf, status: { status_str: 'success', completed: true, messages: [started, success] }, meta: {} });
    wsSend(entry.clientId, 'executing', { node: null, prompt_id: entry.id });
    wsSend(entry.clientId, 'execution_success', success[1]);
  }

  const unauthorized = (authorization: string | undefined) => options.requireAuthorization !== undefined && authorization !== options.requireAuthorization;
  const { server, ...loopback } = await listenOnLoopback(async (req, res, url) => {
    log.push(`${req.method} ${url.pathname}`);
    if (unauthorized(req.headers.authorization)) {
      return res.writeHead(401, { 'www-authenticate': 'Basic realm="ComfyUI"', 'content-type': 'text/html' }).end('<html><body><h1>401 Authorization Required</h1></body></html>');
    }
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    if (req.method === 'GET' && url.pathname === '/system_stats') {
      return json(res, { system: { os: 'posix', ram_total: 1, ram_free: 1, comfyui_version: '0.3.40', python_version: '3.12', embedded_python: false, argv: ['main.py'] }, devices: [{ name: 'cpu', type: 'cpu', index: null, vram_total: 0, vram_free: 0 }] });
    }
    const info = /^\/object_info\/(\w+)$/.exec(url.pathname);
    if (req.method === 'GET' && info) {
      const combos: Record<string, [string, string[]]> = { CheckpointLoaderSimple: ['ckpt_name', checkpoints], ControlNetLoader: ['control_net_name', controlnets] };
      const combo = combos[info[1]];
      if (!combo) return json(res, {});
      const spec = options.comboV3 ? ['COMBO', { options: combo[1], tooltip: 'The name of the model to load.' }] : [combo[1], { tooltip: 'The name of the model to load.' }];
      return json(res, { [info[1]]: { input: { required: { [combo[0]]: spec } }, input_order: { required: [combo[0]] }, output: ['MODEL'], name: info[1], output_node: false } });
    }
    if (req.method === 'POST' && url.pathname === '/upload/image') {
      const form = await new Request('http://fake/', { method: 'POST', headers: { 'content-type': req.headers['content-type'] ?? '' }, body }).formData();
      const image = form.get('image');
      if (!(image instanceof File) || !image.name) return res.writeHead(400).end();
      uploads.set(image.name, Buffer.from(await image.arrayBuffer()));
      return json(res, { name: image.name, subfolder: '', type: String(form.get('type') ?? 'input') });
    }
    if (req.method === 'POST' && url.pathname === '/prompt') {
      const data = JSON.parse(body.toString('utf8') || '{}');
      if (!data.prompt) return json(res, { error: { type: 'no_prompt', message: 'No prompt provided', details: 'No prompt provided', extra_info: {} }, node_errors: {} }, 400);
      const invalid = validate(data.prompt);
      if (invalid) return json(res, invalid.body, invalid.status);
      const entry: FakePrompt = { id: randomUUID(), clientId: data.client_id, prompt: data.prompt };
      prompts.push(entry);
      void execute(entry);
      return json(res, { prompt_id: entry.id, number: prompts.length - 1, node_errors: {} });
    }
    const hist = /^\/history\/(.+)$/.exec(url.pathname);
    if (req.method === 'GET' && hist) {
      const entry = history.get(hist[1]);
      return json(res, entry ? { [hist[1]]: entry } : {});
    }
    if (req.method === 'GET' && url.pathname === '/view') {
      const file = url.searchParams.get('type') === 'output' ? outputs.get(url.searchParams.get('filename') ?? '') : undefined;
      return file ? res.writeHead(200, { 'content-type': 'image/png' }).end(file) : res.writeHead(404).end();
    }
    if (req.method === 'POST' && url.pathname === '/interrupt') {
      for (const release of held.values()) release();
      held.clear();
      return res.writeHead(200).end();
    }
    if (req.method === 'POST' && url.pathname === '/queue') return res.writeHead(200).end();
    res.writeHead(404, { 'content-type': 'text/plain' }).end('404: Not Found');
  });
  const wss = new WebSocketServer({ noServer: true });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    log.push(`UPGRADE ${url.pathname}`);
    if (unauthorized(req.headers.authorization)) {
      return void socket.end('HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Basic realm="ComfyUI"\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
    }
    if (options.websocket === false || url.pathname !== '/ws') return socket.destroy();
    wss.handleUpgrade(req, socket, head, (ws) => {
      const sid = url.searchParams.get('clientId') || randomUUID();
      sockets.set(sid, ws);
      ws.on('close', () => sockets.delete(sid));
      ws.send(JSON.stringify({ type: 'status', data: { status: { exec_info: { queue_remaining: 0 } }, sid } }));
    });
  });
  return {
    url: loopback.url,
    options,
    log,
    prompts,
    uploads,
    outputs,
    close() {
      for (const release of held.values()) release();
      for (const ws of sockets.values()) ws.terminate();
      return loopback.close();
    },
  };
}
