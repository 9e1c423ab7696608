// When the controlling LLM cannot possibly answer: one rule for the CLI (exit 2) and the app (Plan disabled).

/** OpenAI's own API, the default `llm.baseURL`. */
export const DEFAULT_LLM_BASE_URL = 'https://api.openai.com/v1';

/** Whether LLM settings (or their secret-free view) point at OpenAI's API without a key: nothing could answer. */
export const llmUnconfigured = (llm: { baseURL: string; apiKey?: string; apiKeySet?: boolean }): boolean =>
  !(llm.apiKey || llm.apiKeySet) && llm.baseURL.replace(/\/+$/, '') === DEFAULT_LLM_BASE_URL;
