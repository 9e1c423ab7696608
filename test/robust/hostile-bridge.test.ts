// `hugginggpt serve` under hostile local clients (issue 20 items 4, 9, 13; issue 19's validated boundary and token):
// it survives null, oversized and malformed frames, refuses clients without the per-launch token, validates
// every request against the contract's schemas, and tells browsers never to frame it.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { StudioHandlers } from '../../src-shared/contract';
import { bridgeSubprotocols, tokenInFragment } from '../../src-shared/bridge-protocol';
import { startWebBridge, type WebBridge } from '../../src-main/cli/web-bridge';

const root = mkdtempSync(join(tmpdir(), 'hgs-hostile-'));
const rendererDir = join(root, 'renderer');
const resourcesDir = join(root, 'resources');
const hash = 'd'.repeat(64);
mkdirSync(rendererDir);
mkdirSync(resourcesDir);
writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>HuggingGPT Studio</title>');
writeFileSync(join(resourcesDir, `${hash}.png`), 'PNGDATA');

const received: unknown[] = [];
const handlers = {
  'settings.get': async () => ({ llm: { model: 'm' } }),
  'runs.get': async (req: unknown) => {
    received.push(req);
    return { runId: (req as { runId: string }).runId };
  },
} as unknown as StudioHandlers;

let bridge: WebBridge;
let port: number;
const logged: string[] = [];
beforeAll(async () => {
  bridge = await startWebBridge({ port: 0, rendererDir, resourcesDir, handlers, log: (m) => logged.push(m) });
  port = Number(new URL(bridge.origin).port);
});
afterAll(() => bridge.close());

function get(path: string): Promise<{ status: number; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

function connect(protocols?: string[], options: { maxPayload?: number } = {}): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/ws`, protocols, options);
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`refused with ${res.statusCode}`)));
  });
}

const withToken = () => connect(bridgeSubprotocols(bridge.token));

function call(ws: WebSocket, raw: string): Promise<any> {
  return new Promise((resolve) => {
    ws.once('message', (data) => resolve(JSON.parse(data.toString())));
    ws.send(raw);
  });
}

describe('the per-launch token', () => {
  it('is in the printed address, after # (never sent to a server)', () => {
    expect(bridge.url).toBe(`${bridge.origin}/#token=${bridge.token}`);
    expect(tokenInFragment(new URL(bridge.url).hash)).toBe(bridge.token);
    expect(bridge.token.length).toBeGreaterThanOrEqual(40);
  });

  it('is required to open the WebSocket: a local client without it (no Origin) gets 401', async () => {
    await expect(connect()).rejects.toThrow('refused with 401');
    await expect(connect(bridgeSubprotocols('x'.repeat(43)))).rejects.toThrow('refused with 401');
    await expect(connect(['hgs.v1'])).rejects.toThrow('refused with 401');
    const ws = await withToken();
    expect(ws.protocol).toBe('hgs.v1');
    ws.close();
  });
});

describe('hostile frames', () => {
  it.each(['null', '42', '"text"', '[]', '{"id": {"x": 1}, "method": "settings.get"}'])('answers %s with an error and stays up', async (frame) => {
    const ws = await withToken();
    const answer = await call(ws, frame);
    expect(answer.error ?? answer.result).toBeDefined();
    expect(await call(ws, JSON.stringify({ id: 7, method: 'settings.get' }))).toEqual({ id: 7, result: { llm: { model: 'm' } } });
    ws.close();
  });

  it('closes only the socket that sends an oversized frame (1009), and serves the next client', async () => {
    const ws = await withToken();
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.send(Buffer.alloc(64 * 1024 * 1024 + 1, 0x20));
    expect(await closed).toBe(1009);
    const next = await withToken();
    expect(await call(next, JSON.stringify({ id: 1, method: 'settings.get' }))).toMatchObject({ id: 1, result: {} });
    next.close();
  });

  it('survives a protocol error (a frame with a reserved opcode)', async () => {
    const ws = await withToken();
    const closed = new Promise<void>((resolve) => ws.once('close', () => resolve()));
    (ws as any)._socket.write(Buffer.from([0x83, 0x80, 0, 0, 0, 0])); // opcode 3 is reserved
    await closed;
    const next = await withToken();
    expect(await call(next, JSON.stringify({ id: 2, method: 'settings.get' }))).toMatchObject({ id: 2 });
    next.close();
  });
});

describe('requests validated at the boundary', () => {
  it('refuses a malformed request before the handler sees it, naming the field', async () => {
    const ws = await withToken();
    received.length = 0;
    const answer = await call(ws, JSON.stringify({ id: 3, method: 'runs.get', params: { runId: { $gt: '' } } }));
    expect(answer).toEqual({ id: 3, error: { kind: 'invalid-request', message: expect.stringMatching(/^invalid request for runs\.get: runId: /) } });
    expect(await call(ws, JSON.stringify({ id: 4, method: 'runs.get', params: null }))).toMatchObject({ id: 4, error: { kind: 'invalid-request' } });
    expect(received).toEqual([]);
    expect(await call(ws, JSON.stringify({ id: 5, method: 'runs.get', params: { runId: 'r1' } }))).toEqual({ id: 5, result: { runId: 'r1' } });
    expect(received).toEqual([{ runId: 'r1' }]);
    ws.close();
  });
});

describe('HTTP answers', () => {
  it('forbid framing by any site and keep resources same-origin', async () => {
    const page = await get('/');
    expect(page.headers['x-frame-options']).toBe('DENY');
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(page.headers['content-security-policy']).toContain(`connect-src 'self' hgs-resource: ws://127.0.0.1:${port} ws://localhost:${port}`);
    const resource = await get(`/resources/${hash}.png`);
    expect(resource.status).toBe(200);
    expect(resource.headers['cross-origin-resource-policy']).toBe('same-origin');
    expect(resource.headers['content-security-policy']).toContain('sandbox');
  });

  it('answers a malformed % escape with 400, not 500', async () => {
    expect((await get('/%E0%A4%A')).status).toBe(400);
    expect((await get('/resources/%zz')).status).toBe(400);
  });
});
