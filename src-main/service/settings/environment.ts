// What the environment adds to settings: the one rule the CLI, `serve` and the app's settings share.
import { defaultSettings, type Settings } from '../../../src-shared/settings';

/**
 * Fills what settings leave unset (or at their default address) from OPENAI_API_KEY, OPENAI_BASE_URL,
 * HF_TOKEN and HF_ENDPOINT (the Hub address, as the Hugging Face tools read it).
 * @example applyEnvironment(settings, { HF_ENDPOINT: 'https://hf-mirror.example' }).huggingface.hubUrl
 */
export function applyEnvironment(settings: Settings, env: NodeJS.ProcessEnv): Settings {
  const defaults = defaultSettings();
  const llm = { ...settings.llm };
  const huggingface = { ...settings.huggingface };
  if (llm.apiKey === undefined && env.OPENAI_API_KEY) llm.apiKey = env.OPENAI_API_KEY;
  if (llm.baseURL === defaults.llm.baseURL && env.OPENAI_BASE_URL) llm.baseURL = env.OPENAI_BASE_URL;
  if (huggingface.token === undefined && env.HF_TOKEN) huggingface.token = env.HF_TOKEN;
  if (huggingface.hubUrl === defaults.huggingface.hubUrl && env.HF_ENDPOINT) huggingface.hubUrl = env.HF_ENDPOINT.replace(/\/+$/, '');
  return { ...settings, llm, huggingface };
}
