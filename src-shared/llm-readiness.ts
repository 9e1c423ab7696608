// When the controlling LLM cannot possibly answer: one rule for the CLI (exit 2) and the app (Plan disabled).

/** OpenAI's own API, the default `llm.baseURL`. */
export const DEFAULT_LLM_BASE_URL = 'https://api.openai.com/v1';

/**
 * Whether LLM settings (or their secret-free view) point at OpenAI's API without a key: nothing could answer.
 * The built-in LLM (provider `built-in`) runs on this computer and needs neither key nor server.
 */
export const llmUnconfigured = (llm: { provider?: string; baseURL: string; apiKey?: string; apiKeySet?: boolean }): boolean =>
  llm.provider !== 'built-in' && !(llm.apiKey || llm.apiKeySet) && llm.baseURL.replace(/\/+$/, '') === DEFAULT_LLM_BASE_URL;
