// Ready-made LLM servers for the settings panel: any OpenAI-compatible chat API works, these are the common ones.

/** One choice in the LLM preset list. */
export interface LlmPreset {
  id: 'openai' | 'huggingface' | 'ollama' | 'lmstudio' | 'custom';
  label: string;
  baseURL: string;
  /** A model that exists on that server (the user can change it). */
  model: string;
  /** Whether the server wants an API key (local servers accept any). */
  needsKey: boolean;
}

/** The presets, in the order shown; `custom` keeps whatever the user types. */
export const LLM_PRESETS: readonly LlmPreset[] = [
  { id: 'openai', label: 'OpenAI', baseURL: 'https://api.openai.com/v1', model: 'gpt-4o-mini', needsKey: true },
  { id: 'huggingface', label: 'Hugging Face router', baseURL: 'https://router.huggingface.co/v1', model: 'meta-llama/Llama-3.3-70B-Instruct', needsKey: true },
  { id: 'ollama', label: 'Ollama', baseURL: 'http://127.0.0.1:11434/v1', model: 'llama3.1', needsKey: false },
  { id: 'lmstudio', label: 'LM Studio', baseURL: 'http://127.0.0.1:1234/v1', model: 'qwen2.5-7b-instruct', needsKey: false },
  { id: 'custom', label: 'Custom', baseURL: '', model: '', needsKey: false },
];

const normalize = (url: string): string => url.trim().replace(/\/+$/, '').replace('://localhost', '://127.0.0.1').toLowerCase();

/**
 * The preset a base URL belongs to (`custom` when none).
 * @example presetForBaseUrl('http://localhost:11434/v1/').id // 'ollama'
 */
export function presetForBaseUrl(baseURL: string): LlmPreset {
  const wanted = normalize(baseURL);
  return LLM_PRESETS.find((p) => p.id !== 'custom' && normalize(p.baseURL) === wanted) ?? LLM_PRESETS[LLM_PRESETS.length - 1];
}
