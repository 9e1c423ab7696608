// The engine behind the contract: one handler per channel, shared by Electron IPC and the `serve` bridge.
import { randomUUID } from 'node:crypto';
import type { EmitEvent, StudioHandlers } from '../../src-shared/contract';
import { Conversation } from '../engine/conversation';
import { StudioError } from '../../src-shared/contract-error';
import { createSettingsHandlers } from './settings/settings-handlers';
import type { SettingsStore } from './settings/settings-store';
import { taskAvailability } from '../engine/selector/task-availability';
import { taskCandidates } from '../engine/selector/servable-candidates';
import { discoverModels } from '../platform/endpoints/discover-models';
import { createBuiltInLlmHandlers, testBuiltInLlm } from './built-in-llm-handlers';
import { createEngineDeps } from './engine-deps';
import { FsRunRecorder } from '../platform/fs-run-recorder';
import { createBuiltInHandlers } from './builtin-handlers';
import { createLibraryHandlers } from './library-handlers';
import { RunHistory } from './run-history';
import { createSessionHandlers } from './session-file';
import { discoverAuthorization } from './settings/endpoint-secrets';
import { testLlmConnection } from '../platform/llm-connection-check';

/** Composes the engine with the real adapters for one data folder. */
export async function createStudioRuntime(options: { dataDir: string; settingsStore: SettingsStore; emit: EmitEvent }): Promise<StudioHandlers> {
  const { settingsStore, emit } = options;
  const deps = createEngineDeps({ dataDir: options.dataDir, settings: () => settingsStore.get(), onLlmDownload: (progress) => emit('llm.download', progress) });
  const conversations = new Map<string, Conversation>();
  const runOwners = new Map<string, Conversation>();
  const history = new RunHistory(new FsRunRecorder(options.dataDir));

  const conversation = (id?: string): Conversation => {
    const existing = id ? conversations.get(id) : undefined;
    if (existing) return existing;
    const created = new Conversation(deps, id);
    conversations.set(created.id, created);
    return created;
  };
  const ownerOf = (runId: string): Conversation => {
    const owner = runOwners.get(runId);
    if (!owner) throw new StudioError('not-found', `run ${runId} is not known (it may belong to an earlier session)`);
    return owner;
  };

  return {
    ...createSettingsHandlers({
      store: settingsStore,
      dataDir: options.dataDir,
      testLlm: (llm) =>
        llm.provider === 'built-in'
          ? testBuiltInLlm({ store: deps.llmModels, settings: () => settingsStore.get(), chat: () => deps.chat() })
          : testLlmConnection(llm, { routerUrl: settingsStore.get().huggingface.routerUrl }),
      // The built-in runtime answers from the worker; servers get 5 s.
      checkHealth: (endpoint) => deps.endpointAdapters[endpoint.protocol].health(endpoint, { timeoutMs: 5000 }),
    }),
    ...createSessionHandlers(options.dataDir),
    // Typed credentials go along; else a saved endpoint's, only to the address they were given for; null: none.
    'endpoints.discover': (req) =>
      discoverModels(deps.endpointAdapters, { protocol: req.protocol, url: req.url, authorization: discoverAuthorization(settingsStore.get().endpoints, req) }),
    ...createBuiltInHandlers(deps.builtIn, emit),
    ...createBuiltInLlmHandlers({ store: deps.llmModels, settings: () => settingsStore.get() }),
    ...createLibraryHandlers({ dataDir: options.dataDir, emit, conversation, ownRun: (runId, owner) => runOwners.set(runId, owner) }),
    // The model picker and the palette start from what selection starts from (the same rule, the same cloud check).
    'catalog.candidates': async ({ task }) => taskCandidates(task, deps.catalog(), settingsStore.get(), deps.availability).candidates,
    'catalog.availability': async () => taskAvailability(deps.catalog(), settingsStore.get(), deps.availability),
    'catalog.model': async ({ id }) => {
      const model = deps.catalog().find((m) => m.id === id.trim());
      return model ? { id: model.id, task: model.task, downloads: model.downloads, description: model.description } : null;
    },
    'resources.upload': async ({ name, base64 }) => ({ ...(await deps.store.put(Buffer.from(base64, 'base64'), { name })), name }),
    'conversation.plan': async ({ conversationId, request, attachments, requestId = randomUUID() }) => {
      const c = conversation(conversationId);
      const result = await c.plan(request, { attachments, onTasks: (tasks) => emit('plan.delta', { requestId, tasks }) });
      return { conversationId: c.id, requestId, ...result };
    },
    'conversation.select': async ({ conversationId, tasks, overrides }) => {
      const { selections, usage } = await conversation(conversationId).select(tasks, overrides);
      return { selections, usage };
    },
    'run.start': async ({ conversationId, tasks, selections, force, from, baseRunId }) => {
      const c = conversation(conversationId);
      // A session restored after a restart re-runs from a run this process never saw: take it in from the history.
      if (baseRunId && !runOwners.has(baseRunId)) {
        c.adoptRun(await history.record(baseRunId));
        runOwners.set(baseRunId, c);
      }
      const handle = c.execute(tasks, selections, { force, from, baseRunId, onEvent: (event) => emit('run.event', event) });
      runOwners.set(handle.runId, c);
      return { runId: handle.runId };
    },
    'run.cancel': async ({ runId, taskId }) => ownerOf(runId).cancel(runId, taskId),
    'response.generate': async ({ runId, requestId = randomUUID() }) => {
      const answer = await ownerOf(runId).respond(runId, (text) => emit('response.delta', { requestId, text }));
      return { requestId, text: answer.text, usage: answer.usage };
    },
  };
}
