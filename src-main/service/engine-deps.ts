// Composition root shared by the CLI, `serve` and the desktop app: real adapters behind the engine's interfaces.
import { stat } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import type { EndpointProtocol } from '../../src-shared/endpoint-protocols';
import type { Settings } from '../../src-shared/settings';
import type { ChatModel } from '../engine/chat-model';
import type { ConversationDeps } from '../engine/conversation';
import type { InferenceCall, ModelRunner } from '../engine/inference';
import type { CatalogModel } from '../engine/selector/catalog-model';
import { loadCatalog, type LoadedCatalog } from '../platform/catalog-file';
import { FsResultCache } from '../platform/fs-result-cache';
import { createFsResourceStore, importUserFile } from '../platform/fs-resource-store';
import { FsRunRecorder } from '../platform/fs-run-recorder';
import type { EndpointAdapter } from '../platform/endpoints/endpoint-adapter';
import { createEndpointAdapters } from '../platform/endpoints/registry';
import { createBuiltInRuntime, type BuiltInRuntime } from '../platform/endpoints/transformers-js/builtin-runtime';
import { createCloudAvailability } from '../platform/inference/cloud-availability';
import { createHfModelRunner } from '../platform/inference/hf-model-runner';
import { createProviderMappings } from '../platform/inference/provider-mappings';
import { createModelRunner } from '../platform/model-runner';
import type { BuiltInLlmDownload } from '../../src-shared/built-in-llm';
import { createChatModels } from '../platform/chat-model-factory';
import type { GgufStore } from '../platform/llama-chat/gguf-store';
import { llmUnconfigured } from '../platform/openai-chat';
import { ConfigError } from './settings/config-error';

/** Refuses to start stages that need the LLM when none is configured (exit 2 in the CLI); the built-in LLM always is. */
export function requireLlm(settings: Settings): void {
  if (settings.llm.provider !== 'built-in' && llmUnconfigured(settings.llm)) {
    throw new ConfigError(
      'no LLM configured: set OPENAI_API_KEY, or llm.baseURL (and llm.apiKey) in --config, e.g. a local Ollama at http://127.0.0.1:11434/v1, or "llm": {"provider": "built-in"} to run one on this computer',
    );
  }
}

/** Keeps one instance per configuration value, re-created when that part of the settings changes. */
function perConfig<K, V>(make: (key: K) => V): (key: K) => V {
  let lastKey = '';
  let last: V | undefined;
  return (key) => {
    const text = JSON.stringify(key);
    if (last === undefined || text !== lastKey) {
      last = make(key);
      lastKey = text;
    }
    return last;
  };
}

/** The engine's dependencies, plus what the app needs to refresh. */
export interface EngineDeps extends ConversationDeps {
  reloadCatalog(): void;
  /** Every endpoint protocol's adapter (health checks and "Find models" use them too). */
  endpointAdapters: Record<EndpointProtocol, EndpointAdapter>;
  /** The built-in runtime (transformers.js in a worker) and its model cache. */
  builtIn: BuiltInRuntime;
  catalogWarning?: string;
  /** The built-in LLM's model files (list, download, delete). */
  llmModels: GgufStore;
  /** Ends the built-in LLM's worker, if one runs. */
  closeLlm(): Promise<void>;
}

/**
 * Builds every adapter once for a data folder; settings are read on each use so that changes apply.
 * @example const deps = createEngineDeps({ dataDir, settings: () => store.get(), cwd: process.cwd() })
 */
export function createEngineDeps(options: { dataDir: string; settings: () => Settings; cwd?: string; onLlmDownload?: (progress: BuiltInLlmDownload) => void }): EngineDeps {
  const store = createFsResourceStore(options.dataDir);
  const chatModels = createChatModels({ dataDir: options.dataDir, settings: options.settings, onDownload: options.onLlmDownload });
  // One mapping cache for selection and execution: a request looks each model up on the Hub once.
  const mappings = createProviderMappings({ hubUrl: () => options.settings().huggingface.hubUrl, token: () => options.settings().huggingface.token });
  const runnerFor = perConfig((hf: { token?: string; hubUrl: string; routerUrl: string; provider: string }) => createHfModelRunner({ ...hf, mappings }));
  const hfRunner: ModelRunner = {
    run: (call: InferenceCall) => {
      const { token, hubUrl, routerUrl, provider } = options.settings().huggingface;
      return runnerFor({ token, hubUrl, routerUrl, provider }).run(call);
    },
  };
  const builtIn = createBuiltInRuntime({ dataDir: options.dataDir, settings: options.settings });
  const endpointAdapters = createEndpointAdapters(builtIn.adapter);
  const runner = createModelRunner({ settings: options.settings, hfRunner, adapters: endpointAdapters });
  let loaded: LoadedCatalog | undefined;
  const catalogFile = (): LoadedCatalog => {
    if (loaded) return loaded;
    loaded = loadCatalog(options.dataDir);
    deps.catalogWarning = loaded.warning;
    return loaded;
  };
  const deps: EngineDeps = {
    settings: options.settings,
    chat: (): ChatModel => chatModels.chat(),
    llmModels: chatModels.ggufStore,
    closeLlm: () => chatModels.close(),
    catalog: (): CatalogModel[] => catalogFile().models,
    reloadCatalog: () => void (loaded = undefined),
    availability: createCloudAvailability(mappings, {
      provider: () => options.settings().huggingface.provider,
      routerUrl: () => options.settings().huggingface.routerUrl,
      unservedTasks: () => catalogFile().noCloudProvider,
    }),
    endpointAdapters,
    builtIn,
    runner,
    store,
    cache: new FsResultCache(options.dataDir),
    recorder: new FsRunRecorder(options.dataDir),
  };
  const cwd = options.cwd;
  if (cwd) {
    deps.importUserFile = async (name) => {
      if (/^[a-z]+:\/\//i.test(name)) return undefined;
      const path = isAbsolute(name) ? name : resolve(cwd, name);
      const info = await stat(path).catch(() => undefined);
      return info?.isFile() ? importUserFile(store, path) : undefined;
    };
  }
  return deps;
}
