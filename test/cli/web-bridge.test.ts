import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { StudioHandlers } from '../../src-shared/contract';
import { startWebBridge, type WebBridge } from '../../src-main/cli/web-bridge';
import { StudioError } from '../../src-shared/contract-error';

const root = mkdtempSync(join(tmpdir(), 'hgs-bridge-'));
const rendererDir = join(root, 'renderer');
const resourcesDir = join(root, 'resources');
const hash = 'c'.repeat(64);
mkdirSync(join(rendererDir, 'assets'), { recursive: true });
mkdirSync(resourcesDir);
writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>HuggingGPT Studio</title>');
writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
writeFileSync(join(resourcesDir, `${hash}.png`), 'PNGDATA');
writeFileSync(join(root, 'secret.txt'), 'top secret');

// Only the transport is under test here: handlers answer from memory.
const handlers = {
  'settings.get': async () => ({ llm: { model: 'm' } }),
  'run.cancel': async () => {
    throw new StudioError('not-found', 'run r1 is not known');
  },
} as unknown as StudioHandlers;

let bridge: WebBridge;
let port: number;
beforeAll(async () => {
  bridge = await startWebBridge({ port: 0, rendererDir, resourcesDir, handlers });
  port = Number(new URL(bridge.url).port);
});
afterAll(() => bridge.close());

function get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string; type?: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, body, type: res.headers['content-type'] }));
    });
    req.on('error', reject);
    req.end();
  });
}

function connect(origin?: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/ws`, origin ? { origin } : {});
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`refused with ${res.statusCode}`)));
  });
}

function call(ws: WebSocket, message: unknown): Promise<any> {
  return new Promise((resolve) => {
    ws.once('message', (data) => resolve(JSON.parse(data.toString())));
    ws.send(typeof message === 'string' ? message : JSON.stringify(message));
  });
}

describe('web bridge', () => {
  it('serves the renderer and falls back to index.html for app routes', async () => {
    expect(await get('/')).toMatchObject({ status: 200, body: expect.stringContaining('HuggingGPT Studio'), type: 'text/html; charset=utf-8' });
    expect((await get('/assets/app.js')).status).toBe(200);
    expect((await get('/workflows')).body).toContain('HuggingGPT Studio');
  });

  it('serves stored resources by hash name only', async () => {
    expect(await get(`/resources/${hash}.png`)).toMatchObject({ status: 200, body: 'PNGDATA', type: 'image/png' });
    expect((await get('/resources/../secret.txt')).status).toBe(404);
    expect((await get('/resources/%2e%2e%2fsecret.txt')).status).toBe(404);
    expect((await get('/../secret.txt')).body).not.toContain('top secret');
    expect((await get('/%2e%2e/secret.txt')).body).not.toContain('top secret');
  });

  it('refuses requests for another host name (DNS rebinding)', async () => {
    expect((await get('/', { host: `evil.example:${port}` })).status).toBe(403);
  });

  it('answers invocations with results and typed errors', async () => {
    const ws = await connect(`http://127.0.0.1:${port}`);
    expect(await call(ws, { id: 1, method: 'settings.get' })).toEqual({ id: 1, result: { llm: { model: 'm' } } });
    expect(await call(ws, { id: 2, method: 'run.cancel', params: { runId: 'r1' } })).toEqual({ id: 2, error: { message: 'run r1 is not known', kind: 'not-found' } });
    expect(await call(ws, { id: 3, method: 'fs.readFile' })).toEqual({ id: 3, error: { message: 'unknown method "fs.readFile"', kind: 'bad-request' } });
    expect(await call(ws, 'not json')).toEqual({ id: null, error: { message: 'message is not JSON', kind: 'bad-request' } });
    ws.close();
  });

  it('pushes events to connected pages', async () => {
    const ws = await connect();
    const received = new Promise<any>((resolve) => ws.once('message', (d) => resolve(JSON.parse(d.toString()))));
    bridge.emit('response.delta', { requestId: 'q1', text: 'Hello' });
    expect(await received).toEqual({ event: 'response.delta', payload: { requestId: 'q1', text: 'Hello' } });
    ws.close();
  });

  it('refuses WebSocket connections from other origins', async () => {
    await expect(connect('https://evil.example')).rejects.toThrow('refused with 403');
  });
});
