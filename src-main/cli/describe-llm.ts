// How the CLI names the controlling LLM in its progress lines.
import { builtInModelOf } from '../../src-shared/built-in-llm';
import type { Settings } from '../../src-shared/settings';

/** "gpt-4o-mini at https://api.openai.com/v1", or "the built-in LLM <model> (on this computer)". */
export const describeLlm = (llm: Settings['llm']): string =>
  llm.provider === 'built-in' ? `the built-in LLM ${builtInModelOf(llm.model)} (on this computer)` : `${llm.model} at ${llm.baseURL}`;
