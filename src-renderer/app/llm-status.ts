// Whether the controlling LLM can answer: Plan stays disabled, with the reason, until it can.
import { messageOf } from '../../src-shared/contract-error';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { llmUnconfigured } from '../../src-shared/llm-readiness';
import type { StudioClient } from '../api/transport';

/** What the app knows about the LLM; `unknown` (the check itself failed) never blocks planning. */
export type LlmReadiness = 'unknown' | 'checking' | 'unconfigured' | 'reachable' | 'unreachable';

/** The LLM's readiness with a message a user understands. */
export type LlmStatus = { readiness: LlmReadiness; message: string; model?: string };

/** The status store with the action that re-checks it. */
export type LlmStatusState = LlmStatus & { check(): Promise<void>; /** A plan failed to reach the LLM. */ unreachable(message: string): void };
export type LlmStatusStore = StoreApi<LlmStatusState>;

/** Whether planning must wait (the reason is the status message). */
export const planBlocked = (s: LlmStatus): boolean => s.readiness === 'unconfigured' || s.readiness === 'unreachable';


/** Creates the status store; `check()` reads the settings and makes the settings panel's test call. */
export function createLlmStatusStore(client: StudioClient): LlmStatusStore {
  let generation = 0;
  return createStore<LlmStatusState>()((set) => ({
    readiness: 'unknown',
    message: '',
    async check() {
      const mine = ++generation;
      const apply = (status: LlmStatus) => mine === generation && set(status);
      set({ readiness: 'checking', message: 'Checking the LLM…' });
      try {
        const { llm } = await client.invoke('settings.get', undefined);
        if (llmUnconfigured(llm)) return void apply({ readiness: 'unconfigured', message: 'No LLM is set up yet: choose one in Settings (OpenAI, the Hugging Face router, Ollama, LM Studio…).', model: llm.model });
        const test = await client.invoke('settings.testLlm', undefined);
        apply(test.ok
          ? { readiness: 'reachable', message: `${llm.model} answered${test.latencyMs !== undefined ? ` in ${test.latencyMs} ms` : ''}`, model: llm.model }
          : { readiness: 'unreachable', message: `The LLM (${llm.model} at ${llm.baseURL}) did not answer: ${test.message}`, model: llm.model });
      } catch (e) {
        apply({ readiness: 'unknown', message: `The LLM could not be checked: ${messageOf(e)}` });
      }
    },
    unreachable(message) {
      generation++;
      set({ readiness: 'unreachable', message });
    },
  }));
}
