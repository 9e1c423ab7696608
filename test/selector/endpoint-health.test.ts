import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkEndpointHealth, checkEndpoints, HEALTH_TIMEOUT_MS } from '../../src-main/platform/endpoint-health';
import { localEndpoint, settingsWith } from './support';

/** A tiny loopback server: /a/health is healthy, /b/health missing, /c/health failing, /d/health never answers. */
let server: Server;
let base: string;
const seen: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    if (req.url === '/a/health') return res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
    if (req.url === '/c/health') return res.writeHead(503, { 'content-type': 'application/json' }).end('{"status":"loading"}');
    if (req.url === '/d/health') return; // hangs until the client gives up
    res.writeHead(404).end('Not Found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const endpoint = (name: string, path: string, enabled = true) => localEndpoint(name, `${base}${path}`, [], enabled);

describe('checkEndpointHealth', () => {
  it('reports a healthy endpoint with its status and latency', async () => {
    const health = await checkEndpointHealth(endpoint('a', '/a/'));
    expect(health).toMatchObject({ name: 'a', url: `${base}/a/`, ok: true, message: 'healthy (HTTP 200, ok)' });
    expect(health.latencyMs).toEqual(expect.any(Number));
    expect(health.latencyMs).toBeLessThan(HEALTH_TIMEOUT_MS);
    expect(seen).toContain('GET /a/health');
  });

  it('counts a 404 from a live server as reachable without a /health route', async () => {
    const health = await checkEndpointHealth(endpoint('b', '/b'));
    expect(health).toMatchObject({ ok: true, message: expect.stringContaining('no /health route (HTTP 404)') });
  });

  it('reports other statuses, timeouts and refused connections as unhealthy', async () => {
    expect(await checkEndpointHealth(endpoint('c', '/c'))).toMatchObject({ ok: false, message: 'unhealthy: HTTP 503 (loading)' });
    expect(await checkEndpointHealth(endpoint('d', '/d'), { timeoutMs: 200 })).toMatchObject({ ok: false, message: 'no answer within 200 ms' });
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const refused = await checkEndpointHealth(localEndpoint('gone', `http://127.0.0.1:${port}`, []));
    expect(refused).toMatchObject({ ok: false, message: 'cannot connect: ECONNREFUSED' });
    expect(refused.latencyMs).toBeUndefined();
  });

  it('stops when cancelled and does not call disabled endpoints', async () => {
    const controller = new AbortController();
    const pending = checkEndpointHealth(endpoint('d', '/d'), { signal: controller.signal, timeoutMs: 10_000 });
    controller.abort();
    expect(await pending).toMatchObject({ ok: false, message: 'check cancelled' });
    const before = seen.length;
    expect(await checkEndpointHealth(endpoint('off', '/a', false))).toMatchObject({ ok: false, message: expect.stringContaining('disabled') });
    expect(seen.length).toBe(before);
  });

  it('checks every configured endpoint, or the one named', async () => {
    const settings = settingsWith({ endpoints: [endpoint('a', '/a'), endpoint('b', '/b')] });
    expect((await checkEndpoints(settings)).map((h) => [h.name, h.ok])).toEqual([['a', true], ['b', true]]);
    expect((await checkEndpoints(settings, { name: 'b' })).map((h) => h.name)).toEqual(['b']);
  });
});
