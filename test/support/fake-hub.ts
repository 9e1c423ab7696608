// A loopback Hugging Face Hub speaking GET /api/models as the real one does for @huggingface/hub's listModels:
// query parameters pipeline_tag / author / search / filter / inference_provider / sort / limit, repeated
// `expand` fields, `_id` + `id` in every item, and cursor pagination through a `Link: <...>; rel="next"` header.
// GET /api/models/<org>/<name>?expand[]=inferenceProviderMapping answers the model's mapping as the list
// @huggingface/inference reads (lib/getInferenceProviderMapping.ts): [{provider, providerId, status, task}],
// `[]` for a model no provider serves; an unknown model gets 404 {"error": "Repository not found"} with a
// token and 401 {"error": "Invalid username or password."} without one, as huggingface.co answers.
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { repoNotFound } from './fake-hub-files';
import { listenOnLoopback, type RouteTable } from './loopback-http';

/** One model the fake Hub knows. */
export interface FakeHubModel {
  id: string;
  pipeline_tag: string;
  downloads: number;
  likes: number;
  tags?: string[];
  library_name?: string;
  /** The model's Inference Provider mapping (absent: no provider serves it). */
  inferenceProviderMapping?: FakeProviderMapping[];
}

/** One mapping entry, as the Hub lists it today (`status` "live" or "staging"; `task` the provider's task). */
export interface FakeProviderMapping {
  provider: string;
  providerId: string;
  status: 'live' | 'staging';
  task: string;
}

/** A live hf-inference mapping of `id` for `task`: the common case in tests. */
export const liveOn = (id: string, task: string, provider = 'hf-inference'): FakeProviderMapping[] => [{ provider, providerId: id, status: 'live', task }];

/** A running fake Hub. `requests` lists each request's path and query, in order; `authorizations` its Authorization header. */
export interface FakeHub {
  url: string;
  requests: string[];
  authorizations: Array<string | undefined>;
  /** Adds a model (or replaces the one with its id). */
  addModel(model: FakeHubModel): void;
  close(): Promise<void>;
}

const EXPANDABLE = new Set(['author', 'cardData', 'config', 'createdAt', 'disabled', 'downloads', 'downloadsAllTime', 'gated', 'gitalyUid',
  'inferenceProviderMapping', 'lastModified', 'library_name', 'likes', 'model-index', 'pipeline_tag', 'private', 'safetensors', 'sha',
  'siblings', 'spaces', 'tags', 'transformersInfo']);

const objectId = (id: string): string => createHash('sha1').update(id).digest('hex').slice(0, 24);

function itemFor(model: FakeHubModel, expand: string[]): Record<string, unknown> {
  const full: Record<string, unknown> = {
    author: model.id.split('/')[0],
    downloads: model.downloads,
    likes: model.likes,
    pipeline_tag: model.pipeline_tag,
    private: false,
    gated: false,
    lastModified: '2024-06-01T12:00:00.000Z',
    createdAt: '2023-01-01T12:00:00.000Z',
    library_name: model.library_name ?? 'transformers',
    tags: model.tags ?? [model.pipeline_tag],
    inferenceProviderMapping: model.inferenceProviderMapping ?? [],
  };
  const item: Record<string, unknown> = { _id: objectId(model.id), id: model.id };
  for (const key of expand) if (key in full) item[key] = full[key];
  return item;
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

/** `inference_provider=all` keeps models some provider serves; a provider name keeps that provider's. */
function servedBy(model: FakeHubModel, wanted: string[]): boolean {
  wanted = wanted.flatMap((w) => w.split(','));
  if (wanted.length === 0) return true;
  const providers = (model.inferenceProviderMapping ?? []).map((m) => m.provider);
  return wanted.some((w) => (w === 'all' ? providers.length > 0 : providers.includes(w)));
}

function modelInfo(req: IncomingMessage, res: ServerResponse, models: FakeHubModel[], id: string, url: URL): void {
  const model = models.find((m) => m.id === id);
  if (!model) {
    const { status, message } = repoNotFound(req);
    return sendJson(res, status, { error: message });
  }
  const expand = url.searchParams.getAll('expand[]');
  sendJson(res, 200, itemFor(model, expand.length > 0 ? expand : ['author', 'downloads', 'likes', 'pipeline_tag', 'tags', 'library_name']));
}

function listModels(res: ServerResponse, models: FakeHubModel[], url: URL, pageSize: number): void {
  const q = url.searchParams;
  const expand = q.getAll('expand');
  const bad = expand.find((key) => !EXPANDABLE.has(key));
  if (bad) return sendJson(res, 400, { error: `"expand" must be one of the expandable fields, got "${bad}"` });
  let found = models.filter(
    (m) =>
      (!q.get('pipeline_tag') || m.pipeline_tag === q.get('pipeline_tag')) &&
      (!q.get('author') || m.id.startsWith(`${q.get('author')}/`)) &&
      (!q.get('search') || m.id.toLowerCase().includes(q.get('search')!.toLowerCase())) &&
      q.getAll('filter').every((tag) => (m.tags ?? []).includes(tag)) &&
      servedBy(m, q.getAll('inference_provider')),
  );
  const sort = q.get('sort');
  if (sort === 'downloads' || sort === 'likes') found = [...found].sort((a, b) => b[sort] - a[sort]);
  const limit = Math.min(Number(q.get('limit') ?? 1000) || 1000, pageSize);
  const offset = q.get('cursor') ? Number(Buffer.from(q.get('cursor')!, 'base64url').toString()) : 0;
  const page = found.slice(offset, offset + limit);
  const headers: Record<string, string> = {};
  if (offset + limit < found.length) {
    const next = new URL(url);
    next.searchParams.set('cursor', Buffer.from(String(offset + limit)).toString('base64url'));
    headers.Link = `<${next.toString()}>; rel="next"`;
  }
  sendJson(res, 200, page.map((m) => itemFor(m, expand)), headers);
}

/** The Hub's model API routes (`/api/models`, `/api/models/<id>`), with the log of every request they saw. */
export function hubApiRoutes(models: FakeHubModel[], options: { pageSize?: number; failWith?: number } = {}): Omit<FakeHub, 'url' | 'close'> & { routes: RouteTable } {
  const requests: string[] = [];
  const authorizations: Array<string | undefined> = [];
  const routes: RouteTable = (req, res, url) => {
    requests.push(req.url ?? '');
    authorizations.push(req.headers.authorization);
    const info = /^\/api\/models\/([^/]+(?:\/[^/]+)?)$/.exec(url.pathname);
    if (url.pathname !== '/api/models' && !info) return false;
    if (options.failWith) sendJson(res, options.failWith, { error: 'Internal Error - We\'re working hard to fix this as soon as possible!' });
    else if (req.method !== 'GET') sendJson(res, 404, { error: 'Not Found' });
    else if (info) modelInfo(req, res, models, decodeURIComponent(info[1]), url);
    else listModels(res, models, url, options.pageSize ?? 1000);
    return true;
  };
  return {
    routes,
    requests,
    authorizations,
    addModel: (model) => {
      const at = models.findIndex((m) => m.id === model.id);
      if (at >= 0) models.splice(at, 1);
      models.push(model);
    },
  };
}

/**
 * Starts the fake Hub on 127.0.0.1 (random port). `pageSize` caps items per page so tests can see pagination.
 * @example const hub = await startFakeHub([{ id: 'facebook/detr-resnet-50', pipeline_tag: 'object-detection', downloads: 9, likes: 1 }]);
 */
export async function startFakeHub(models: FakeHubModel[], options: { pageSize?: number; failWith?: number } = {}): Promise<FakeHub> {
  const { routes, ...state } = hubApiRoutes(models, options);
  const server = await listenOnLoopback((req, res, url) => routes(req, res, url) || sendJson(res, 404, { error: 'Not Found' }));
  return { url: server.url, close: server.close, ...state };
}
