// Ready-made LLM servers for the settings panel: any OpenAI-compatible chat API works, these are the common
// ones. What each server accepts (structured output, max_tokens, temperature, streamed usage) is learned
// by the app from the server itself; the hints say what the user has to fill in.

/** One choice in the LLM preset list. */
export interface LlmPreset {
  id: 'openai' | 'azure' | 'huggingface' | 'ollama' | 'lmstudio' | 'vllm' | 'llamacpp' | 'tgi' | 'custom';
  label: string;
  /** The base URL to fill in; for Azure a template whose resource name the user replaces. */
  baseURL: string;
  /** A model that exists on that server (the user can change it). */
  model: string;
  /** Whether the server wants an API key (local servers accept any). */
  needsKey: boolean;
  /** What to check or fill in, in one sentence. */
  hint: string;
  /** Recognises the preset from a base URL the user typed (besides its own base URL). */
  matches?: RegExp;
}

/** The presets, in the order shown; `custom` keeps whatever the user types. */
export const LLM_PRESETS: readonly LlmPreset[] = [
  { id: 'openai', label: 'OpenAI', baseURL: 'https://api.openai.com/v1', model: 'gpt-4o-mini', needsKey: true,
    hint: 'Reasoning models (gpt-5, o-series) work too: the app sends max_completion_tokens and their default temperature.' },
  { id: 'azure', label: 'Azure OpenAI', baseURL: 'https://YOUR-RESOURCE.openai.azure.com/openai/v1', model: 'your-deployment-name', needsKey: true,
    hint: 'Use the v1 URL of your resource (…/openai/v1) and your deployment name as the model.', matches: /\.(openai\.azure\.com|cognitiveservices\.azure\.com|services\.ai\.azure\.com)(\/|$)/i },
  { id: 'huggingface', label: 'Hugging Face router', baseURL: 'https://router.huggingface.co/v1', model: 'meta-llama/Llama-3.3-70B-Instruct', needsKey: true,
    hint: 'Your HF token as the key; the app picks a provider that supports structured output (or add ":provider" to the model).' },
  { id: 'ollama', label: 'Ollama', baseURL: 'http://127.0.0.1:11434/v1', model: 'llama3.1', needsKey: false, hint: 'Pull the model first (ollama pull llama3.1).' },
  { id: 'lmstudio', label: 'LM Studio', baseURL: 'http://127.0.0.1:1234/v1', model: 'qwen2.5-7b-instruct', needsKey: false,
    hint: 'Start the local server in LM Studio; it reports no token usage when streaming, so those counts are estimated.' },
  { id: 'vllm', label: 'vLLM', baseURL: 'http://127.0.0.1:8000/v1', model: 'Qwen/Qwen2.5-7B-Instruct', needsKey: false, hint: 'The model is the one `vllm serve` was started with.' },
  { id: 'llamacpp', label: 'llama.cpp server', baseURL: 'http://127.0.0.1:8080/v1', model: 'local-model', needsKey: false,
    hint: 'llama-server serves the model it was started with, whatever the name here.' },
  { id: 'tgi', label: 'Text Generation Inference', baseURL: 'http://127.0.0.1:3000/v1', model: 'tgi', needsKey: false,
    hint: 'TGI (or an Inference Endpoint running it) refuses OpenAI structured output; the app then asks for plain JSON.' },
  { id: 'custom', label: 'Custom', baseURL: '', model: '', needsKey: false, hint: 'Any OpenAI-compatible chat completions API.' },
];

const normalize = (url: string): string => url.trim().replace(/\/+$/, '').replace('://localhost', '://127.0.0.1').toLowerCase();

/**
 * The preset a base URL belongs to (`custom` when none).
 * @example presetForBaseUrl('http://localhost:11434/v1/').id // 'ollama'
 */
export function presetForBaseUrl(baseURL: string): LlmPreset {
  const wanted = normalize(baseURL);
  const found = LLM_PRESETS.find((p) => p.id !== 'custom' && (normalize(p.baseURL) === wanted || (wanted !== '' && p.matches?.test(wanted))));
  return found ?? LLM_PRESETS[LLM_PRESETS.length - 1];
}
