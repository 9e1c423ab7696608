// Loads configuration for the CLI: a JSON file (or the data folder's settings.json), then environment fallbacks.
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { describeZodError, SettingsSchema, type Settings } from '../../src-shared/settings';

/** A configuration problem, described in one line. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** The default data folder: the desktop app's userData, so the CLI and the app share workflows and runs. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.HUGGINGGPT_DATA_DIR) return resolve(env.HUGGINGGPT_DATA_DIR);
  const home = homedir();
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'hugginggpt-studio');
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'hugginggpt-studio');
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'hugginggpt-studio');
}

/** Parses JSON text, naming the file and position on failure. */
function parseJsonFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(`cannot read config file ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`config file ${path} is not valid JSON: ${(error as Error).message}`);
  }
}

/** Fills what the config leaves out from OPENAI_API_KEY, OPENAI_BASE_URL, HF_TOKEN and HF_ENDPOINT (the Hub's address). */
function withEnvFallbacks(raw: Record<string, any>, env: NodeJS.ProcessEnv): Record<string, any> {
  const llm = { ...(raw.llm ?? {}) };
  const huggingface = { ...(raw.huggingface ?? {}) };
  if (llm.apiKey === undefined && env.OPENAI_API_KEY) llm.apiKey = env.OPENAI_API_KEY;
  if (llm.baseURL === undefined && env.OPENAI_BASE_URL) llm.baseURL = env.OPENAI_BASE_URL;
  if (huggingface.token === undefined && env.HF_TOKEN) huggingface.token = env.HF_TOKEN;
  if (huggingface.hubUrl === undefined && env.HF_ENDPOINT) huggingface.hubUrl = env.HF_ENDPOINT;
  return { ...raw, llm, huggingface };
}

/**
 * Loads settings from `configPath` (or `<dataDir>/settings.json` when it exists), with env fallbacks.
 * @example loadSettings({ configPath: 'hgs.json', dataDir, env: process.env })
 */
export function loadSettings(options: { configPath?: string; dataDir: string; env: NodeJS.ProcessEnv; cwd?: string }): Settings {
  let raw: unknown = {};
  if (options.configPath) {
    raw = parseJsonFile(resolve(options.cwd ?? process.cwd(), options.configPath));
  } else {
    const saved = join(options.dataDir, 'settings.json');
    if (existsSync(saved)) raw = parseJsonFile(saved);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new ConfigError('config must be a JSON object');
  const parsed = SettingsSchema.safeParse(withEnvFallbacks(raw as Record<string, any>, options.env));
  if (!parsed.success) throw new ConfigError(`invalid config: ${describeZodError(parsed.error)}`);
  return parsed.data;
}
