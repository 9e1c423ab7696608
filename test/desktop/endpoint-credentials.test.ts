// Endpoint credentials (endpoints[].authorization) live in the secret store like the LLM key and the HF token:
// never in settings.json (nor its migration backup), never in the settings view, bound to the endpoint's addresses,
// and sent as the Authorization header to those addresses only. Credentials that older versions kept in clear in
// an endpoint's address (`http://user:password@host`, which fetch refuses to send) are migrated into it.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkEndpointHealth } from '../../src-main/platform/endpoint-health';
import { endpointFetch } from '../../src-main/platform/endpoints/endpoint-auth';
import { discoverModels } from '../../src-main/platform/endpoints/discover-models';
import { tgiAdapter } from '../../src-main/platform/endpoints/tgi-adapter';
import { migrateEndpointCredentials, splitUrlCredentials } from '../../src-main/service/settings/endpoint-credentials-migration';
import { discoverAuthorization, savedAuthorizationFor } from '../../src-main/service/settings/endpoint-secrets';
import { createFileSettingsStore } from '../../src-main/service/settings/settings-file-store';
import { createSettingsHandlers } from '../../src-main/service/settings/settings-handlers';
import { SETTINGS_VERSION } from '../../src-main/service/settings/settings-migrations';
import type { EndpointAdapter } from '../../src-main/platform/endpoints/endpoint-adapter';
import { createMemorySecretStore } from './memory-secret-store';
import { InferenceError } from '../../src-main/engine/inference';
import { createModelRunner } from '../../src-main/platform/model-runner';
import { defaultSettings } from '../../src-shared/settings';

const BASIC = `Basic ${Buffer.from('admin:p@ss word').toString('base64')}`;
const openFile = ({ cwd, name }: { cwd: string; name: string }) => new Conf<Record<string, unknown>>({ cwd, configName: name });

/** A server that records the Authorization header of every request: /health, and TGI's /info. */
let server: Server;
let base: string;
const seen: { path: string; headers: IncomingHttpHeaders }[] = [];
beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ path: req.url ?? '', headers: req.headers });
    const body = req.url === '/info' ? { model_id: 'HuggingFaceH4/zephyr-7b-beta' } : { status: 'ok' };
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const v4File = (url: string) => ({
  version: 4,
  endpoints: [{ name: 'private', protocol: 'tgi', url: url.replace('http://', 'http://admin:p%40ss%20word@'), models: [{ id: 'HuggingFaceH4/zephyr-7b-beta', task: 'summarization' }] }],
});

describe('credentials in endpoint addresses (settings format 4 -> 5)', () => {
  it('become a Basic Authorization value, with the address left bare and a note that shows no password', () => {
    expect(splitUrlCredentials('http://admin:p%40ss%20word@10.0.0.5:8005/v1')).toEqual({ url: 'http://10.0.0.5:8005/v1', authorization: BASIC });
    expect(splitUrlCredentials('http://10.0.0.5:8005')).toEqual({ url: 'http://10.0.0.5:8005' });
    const notes: string[] = [];
    const out = migrateEndpointCredentials(
      { endpoints: [{ name: 'e', url: 'http://admin:p%40ss%20word@10.0.0.5', models: [{ id: 'a/b', task: 'x', url: 'http://other:creds@10.0.0.6' }] }, { name: 'plain', url: 'http://10.0.0.7' }] },
      (n) => notes.push(n),
    );
    expect(out.endpoints).toEqual([
      { name: 'e', url: 'http://10.0.0.5', models: [{ id: 'a/b', task: 'x', url: 'http://10.0.0.6' }], authorization: BASIC },
      { name: 'plain', url: 'http://10.0.0.7' },
    ]);
    expect(notes[0]).toBe('endpoint "e": the user name and password in its address (http://***@10.0.0.5) are now its "authorization", sent as a Basic Authorization header (an address with credentials was refused by every request).');
    expect(notes[1]).toMatch(/other credentials than the endpoint's; only the first ones are kept/);
    expect(notes.join('')).not.toMatch(/p%40ss|creds/);
  });

  it('move out of settings.json (and its backup) into the secret store, and the panel is told', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'hgs-endpoint-creds-'));
    writeFileSync(join(dataDir, 'settings.json'), JSON.stringify(v4File(base)));
    const secrets = createMemorySecretStore();
    const store = createFileSettingsStore({ dataDir, openFile, secrets });

    expect(store.get().endpoints[0]).toMatchObject({ url: base, authorization: BASIC });
    const file = readFileSync(join(dataDir, 'settings.json'), 'utf8');
    const backup = readFileSync(join(dataDir, 'settings.json.v4.bak'), 'utf8');
    expect(JSON.parse(file).version).toBe(SETTINGS_VERSION);
    for (const text of [file, backup]) expect(text).not.toMatch(/p%40ss|authorization|Basic/);
    expect(backup).toContain('http://***@127.0.0.1');
    expect(JSON.parse(secrets.get('endpoint:private')!)).toEqual({ authorization: BASIC, origins: [base] });

    const handlers = createSettingsHandlers({ store, testLlm: async () => ({ ok: true, message: '' }), checkHealth: (e) => checkEndpointHealth(e) });
    const view = await handlers['settings.get']();
    expect(view.endpoints[0]).toMatchObject({ name: 'private', authorizationSet: true });
    expect(JSON.stringify(view)).not.toContain(BASIC);
    expect(view.warnings).toEqual([
      expect.stringMatching(/^endpoint "private": the user name and password .* are now its "authorization".*kept as settings\.json\.v4\.bak/),
      'The authorization of endpoint "private" found in settings.json was moved to the app\'s secret store (the CLI reads it from the environment or --config).',
    ]);
  });
});

describe('endpoint credentials as secrets', () => {
  const open = (dataDir: string, secrets = createMemorySecretStore()) => ({ secrets, store: createFileSettingsStore({ dataDir, openFile, secrets }) });
  const endpoint = (url: string, extra: object = {}) => ({ name: 'private', protocol: 'hf' as const, url, enabled: true, models: [], ...extra });

  it('a save without them keeps them; a new address drops them; renaming keeps them; null clears; removing the endpoint removes them', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'hgs-endpoint-creds-'));
    const { store, secrets } = open(dataDir);
    store.update({ endpoints: [endpoint('http://10.0.0.5:8005', { authorization: 'Bearer sk-local' })] });
    expect(readFileSync(join(dataDir, 'settings.json'), 'utf8')).not.toContain('sk-local');
    expect(store.get().endpoints[0].authorization).toBe('Bearer sk-local');

    store.update({ endpoints: [endpoint('http://10.0.0.5:8005', { enabled: false })] }); // the form never sends them back
    expect(store.get().endpoints[0].authorization).toBe('Bearer sk-local');
    store.update({ endpoints: [{ ...endpoint('http://10.0.0.5:8005'), name: 'renamed' }] });
    expect(store.get().endpoints[0].authorization).toBe('Bearer sk-local');
    expect(secrets.get('endpoint:private')).toBeUndefined();
    expect(secrets.get('endpoint:renamed')).toBeDefined();

    store.update({ endpoints: [{ ...endpoint('http://evil.example:8005'), name: 'renamed' }] });
    expect(store.get().endpoints[0].authorization).toBeUndefined();
    expect(secrets.get('endpoint:renamed')).toBeUndefined();

    store.update({ endpoints: [endpoint('http://10.0.0.5:8005', { authorization: 'Bearer sk-2' })] });
    store.update({ endpoints: [endpoint('http://10.0.0.5:8005', { authorization: null })] });
    expect(store.get().endpoints[0].authorization).toBeUndefined();
    store.update({ endpoints: [endpoint('http://10.0.0.5:8005', { authorization: 'Bearer sk-3' })] });
    store.update({ endpoints: [] });
    expect(secrets.values.size).toBe(0);
  });

  it('an address changed in settings.json by hand does not take them along', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'hgs-endpoint-creds-'));
    const { store, secrets } = open(dataDir);
    store.update({ endpoints: [endpoint('http://10.0.0.5:8005', { authorization: 'Bearer sk-local' })] });
    expect(open(dataDir, secrets).store.get().endpoints[0].authorization).toBe('Bearer sk-local');
    const file = JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8'));
    file.endpoints[0].url = 'http://attacker.example:8005';
    writeFileSync(join(dataDir, 'settings.json'), JSON.stringify(file));
    expect(open(dataDir, secrets).store.get().endpoints[0].authorization).toBeUndefined();
  });

  it('refuses an address with credentials and a value that is not a header, naming the field', () => {
    const { store } = open(mkdtempSync(join(tmpdir(), 'hgs-endpoint-creds-')));
    expect(() => store.update({ endpoints: [endpoint('http://u:p@10.0.0.5:8005')] })).toThrow(/endpoints\.0\.url: no user name or password in the address/);
    expect(() => store.update({ endpoints: [endpoint('http://10.0.0.5:8005', { authorization: 'sk-no-scheme' })] })).toThrow(/endpoints\.0\.authorization: an Authorization header value/);
    expect(() => store.update({ endpoints: [endpoint('http://10.0.0.5:8005', { authorization: 'Bearer a\nInjected: 1' })] })).toThrow(/endpoints\.0\.authorization/);
  });
});

describe('endpoint credentials on the wire', () => {
  it('go to the endpoint\'s own addresses and nowhere else', async () => {
    const calls: [string, string | null][] = [];
    const recorder: typeof fetch = async (input, init) => {
      calls.push([String(input), new Headers(init?.headers).get('authorization')]);
      return new Response('{}');
    };
    const authed = endpointFetch(recorder, { url: 'http://10.0.0.5:8005', models: [{ id: 'a/b', task: 'x', url: 'http://10.0.0.6:9000/x' }], authorization: 'Bearer sk-local' });
    await authed('http://10.0.0.5:8005/models/a/b', { headers: { accept: 'image/png' } });
    await authed('http://10.0.0.6:9000/x');
    await authed('https://router.huggingface.co/hf-inference/models/a/b');
    await authed('http://10.0.0.5:8006/');
    expect(calls).toEqual([['http://10.0.0.5:8005/models/a/b', 'Bearer sk-local'], ['http://10.0.0.6:9000/x', 'Bearer sk-local'], ['https://router.huggingface.co/hf-inference/models/a/b', null], ['http://10.0.0.5:8006/', null]]);
  });

  it('health checks and "Find models" send them; a draft test keeps the saved ones only at the same address', async () => {
    const saved = { name: 'private', protocol: 'tgi' as const, url: base, enabled: true, models: [], authorization: 'Bearer sk-local' };
    seen.length = 0;
    expect((await checkEndpointHealth(saved)).ok).toBe(true);
    const adapters = { tgi: tgiAdapter() } as Record<string, EndpointAdapter>;
    const found = await discoverModels(adapters as never, { protocol: 'tgi', url: base, authorization: savedAuthorizationFor([saved], 'private', base) });
    expect(new Set(found.models.map((m) => m.id))).toEqual(new Set(['HuggingFaceH4/zephyr-7b-beta']));
    expect(seen.map((s) => [s.path, s.headers.authorization])).toEqual([['/health', 'Bearer sk-local'], ['/info', 'Bearer sk-local']]);
    expect(savedAuthorizationFor([saved], 'private', 'http://elsewhere.example')).toBeUndefined();

    const dataDir = mkdtempSync(join(tmpdir(), 'hgs-endpoint-creds-'));
    const store = createFileSettingsStore({ dataDir, openFile, secrets: createMemorySecretStore() });
    store.update({ endpoints: [saved] });
    const checked: (string | undefined)[] = [];
    const handlers = createSettingsHandlers({ store, testLlm: async () => ({ ok: true, message: '' }), checkHealth: async (e) => (checked.push(e.authorization), { name: e.name, ok: true, message: '', checkedAt: 0 }) });
    const { authorization: _a, ...draft } = saved;
    await handlers['endpoints.health']({ endpoint: draft });
    await handlers['endpoints.health']({ endpoint: { ...draft, url: 'http://elsewhere.example:1' } });
    await handlers['endpoints.health']({ endpoint: { ...draft, authorization: 'Bearer typed' } });
    // "Remove credentials" ticked but not saved yet: the test sends none.
    await handlers['endpoints.health']({ endpoint: { ...draft, authorization: null } });
    expect(checked).toEqual(['Bearer sk-local', undefined, 'Bearer typed', undefined]);
    // "Find models" likewise: typed credentials before they are saved, none when cleared, else the saved ones at their address.
    expect(discoverAuthorization([saved], { name: 'private', url: base, authorization: 'Bearer typed' })).toBe('Bearer typed');
    expect(discoverAuthorization([saved], { name: 'private', url: base, authorization: null })).toBeUndefined();
    expect(discoverAuthorization([saved], { name: 'private', url: base })).toBe('Bearer sk-local');
    expect(discoverAuthorization([saved], { name: 'private', url: 'http://elsewhere.example' })).toBeUndefined();
  });
});

describe('a server that echoes the credentials back', () => {
  it('never gets them into the node error (message or body excerpt)', async () => {
    const echo: EndpointAdapter = {
      protocol: 'hf',
      run: async (call) => {
        throw new InferenceError('http', `refused ${call.endpoint.authorization}`, { bodyExcerpt: 'user admin, password p@ss word, token YWRtaW46cEBzcyB3b3Jk' });
      },
      health: async () => ({ name: 'x', ok: true, message: '', checkedAt: 0 }),
    };
    const settings = { ...defaultSettings(), endpoints: [{ name: 'private', protocol: 'hf' as const, url: 'http://127.0.0.1:1', enabled: true, models: [], authorization: BASIC }] };
    const runner = createModelRunner({ settings: () => settings, hfRunner: { run: () => Promise.reject(new Error('cloud')) }, adapters: { hf: echo } as never });
    const failure = await runner
      .run({ task: 'image-classification', model: 'a/b', target: { kind: 'endpoint', endpoint: 'private', protocol: 'hf', url: 'http://127.0.0.1:1' }, inputs: {}, signal: new AbortController().signal })
      .catch((e: InferenceError) => e);
    expect(failure).toBeInstanceOf(InferenceError);
    const text = `${(failure as InferenceError).message} ${(failure as InferenceError).details.bodyExcerpt}`;
    expect(text).not.toMatch(/YWRtaW46cEBzcyB3b3Jk|p@ss word/);
    expect(text).toContain('[redacted]');
  });
});
