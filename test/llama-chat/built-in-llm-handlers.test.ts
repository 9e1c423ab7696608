import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmitEvent, EventMap } from '../../src-shared/contract';
import { SettingsSchema, type Settings } from '../../src-shared/settings';
import type { SettingsStore } from '../../src-main/service/settings/settings-store';
import { createStudioRuntime } from '../../src-main/service/studio-runtime';
import { startFakeHubFiles, type FakeHubFiles } from '../support/fake-hub-files';

const MODEL = 'test-org/tiny-GGUF/tiny-Q8_0.gguf';
const BYTES = Buffer.alloc(40_000, 3);

describe("the contract's llm.* channels", () => {
  let hub: FakeHubFiles;
  beforeAll(async () => void (hub = await startFakeHubFiles({ [MODEL]: BYTES })));
  afterAll(async () => hub.close());

  async function runtime() {
    const settings: Settings = SettingsSchema.parse({ llm: { provider: 'built-in', model: MODEL }, huggingface: { hubUrl: hub.url } });
    const store: SettingsStore = { get: () => settings, update: () => settings, warnings: [] };
    const events: EventMap['llm.download'][] = [];
    const emit: EmitEvent = (channel, payload) => void (channel === 'llm.download' && events.push(payload as EventMap['llm.download']));
    const handlers = await createStudioRuntime({ dataDir: mkdtempSync(join(tmpdir(), 'hgs-llm-rt-')), settingsStore: store, emit });
    return { handlers, events };
  }

  it('downloads the selected model with progress events, lists it, and deletes it', async () => {
    const { handlers, events } = await runtime();
    expect((await handlers['llm.models']()).find((e) => e.selected)).toMatchObject({ model: MODEL });
    expect(await handlers['llm.download']({})).toEqual({ model: MODEL, bytes: BYTES.length });
    expect(events.at(-1)).toEqual({ model: MODEL, receivedBytes: BYTES.length, totalBytes: BYTES.length });
    expect((await handlers['llm.models']()).find((e) => e.model === MODEL)?.downloadedBytes).toBe(BYTES.length);
    expect(await handlers['llm.delete']({ model: MODEL })).toEqual({ deleted: true });
    expect(await handlers['llm.cancelDownload']({ model: MODEL })).toEqual({ cancelled: false });
  });

  it('tests the built-in LLM only once its model is downloaded (no multi-gigabyte download from "Test connection")', async () => {
    const { handlers } = await runtime();
    const check = await handlers['settings.testLlm']();
    expect(check).toMatchObject({ ok: false });
    expect(check.message).toContain('not downloaded yet');
  });

  it('refuses a model that is not a GGUF file on the Hub, with a kind the UI can act on', async () => {
    const { handlers } = await runtime();
    await expect(handlers['llm.download']({ model: 'not a model' })).rejects.toMatchObject({ kind: 'invalid-input' });
    await expect(handlers['llm.download']({ model: 'test-org/tiny-GGUF/absent.gguf' })).rejects.toMatchObject({ kind: 'download-failed' });
  });
});
