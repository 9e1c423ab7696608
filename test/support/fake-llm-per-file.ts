// The fake LLM as the chat-model tests use it: one server per test file, reset before each test (no requests
// kept, no refusal rule, a fixed fallback answer), and LLM settings that point a connection at it.
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { defaultSettings, type Settings } from '../../src-shared/settings';
import { startFakeLlm, type FakeLlm } from './fake-llm';

/**
 * Starts the fake for the calling test file; the returned object stands for it once `beforeAll` has run.
 * @example const fake = useFakeLlm('OK'); it('...', () => { fake.script('{"a": 1}'); ... });
 */
export function useFakeLlm(fallback: string): FakeLlm {
  let started: FakeLlm | undefined;
  beforeAll(async () => void (started = await startFakeLlm()));
  afterAll(() => started?.close());
  beforeEach(() => {
    started!.requests.length = 0;
    started!.refuse(undefined);
    started!.fallback(() => fallback);
  });
  return new Proxy({} as FakeLlm, {
    get: (_, key) => {
      if (!started) throw new Error('the fake LLM starts in beforeAll: use it inside a test or a hook');
      return Reflect.get(started, key);
    },
  });
}

/** LLM settings for a connection to `fake`: no retries, a 5 s timeout, then `patch`. */
export const fakeLlmSettings = (fake: FakeLlm, patch: Partial<Settings['llm']> = {}): Settings['llm'] => ({
  ...defaultSettings().llm,
  baseURL: fake.baseURL,
  retries: 0,
  timeoutMs: 5_000,
  ...patch,
});
