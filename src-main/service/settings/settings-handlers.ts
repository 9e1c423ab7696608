// The settings side of the contract: read and change settings, test the LLM connection, check endpoints.
import type { ConnectionCheck, EndpointHealth, SettingsPatch, StudioHandlers } from '../../../src-shared/contract';
import { describeZodError, EndpointSchema, toSettingsView, type Endpoint, type Settings, type SettingsView } from '../../../src-shared/settings';
import { messageOf, StudioError } from '../../../src-shared/contract-error';
import { withSavedAuthorizations } from './endpoint-secrets';
import { applySettingsPatch, type SettingsStore } from './settings-store';

/** What the settings handlers work with. */
export interface SettingsHandlerDeps {
  store: SettingsStore;
  /** Makes one small call to the LLM with these settings. */
  testLlm: (llm: Settings['llm']) => Promise<ConnectionCheck>;
  /** Checks one endpoint (GET <url>/health or equivalent). */
  checkHealth: (endpoint: Endpoint) => Promise<EndpointHealth>;
  /** The data folder, shown in the settings panel. */
  dataDir?: string;
}

/** The settings handlers of StudioHandlers. */
export type SettingsHandlers = Pick<StudioHandlers, 'settings.get' | 'settings.update' | 'settings.testLlm' | 'endpoints.health'>;


/**
 * Builds the settings handlers over a store; settings leave only as a SettingsView (secrets as set / not set).
 * @example const handlers = createSettingsHandlers({ store, testLlm, checkHealth, dataDir })
 */
export function createSettingsHandlers(deps: SettingsHandlerDeps): SettingsHandlers {
  const view = (settings: Settings): SettingsView => {
    const warnings = deps.store.warnings;
    return {
      ...toSettingsView(settings),
      ...(warnings.length > 0 ? { warnings: [...warnings] } : {}),
      ...(deps.dataDir !== undefined ? { dataDir: deps.dataDir } : {}),
    };
  };

  const checkOne = async (endpoint: Endpoint): Promise<EndpointHealth> => {
    try {
      return await deps.checkHealth(endpoint);
    } catch (error) {
      return { name: endpoint.name, url: endpoint.url, ok: false, message: messageOf(error), checkedAt: Date.now() };
    }
  };

  return {
    'settings.get': async () => view(deps.store.get()),
    'settings.update': async (patch: SettingsPatch) => view(deps.store.update(patch)),
    // A test never saves: the form's values are merged over the saved settings only for this call.
    'settings.testLlm': async (req) => {
      try {
        const draft = req && typeof req === 'object' ? req.llm : undefined;
        const settings = draft === undefined ? deps.store.get() : applySettingsPatch(deps.store.get(), { llm: draft });
        return await deps.testLlm(settings.llm);
      } catch (error) {
        return { ok: false, message: messageOf(error) };
      }
    },
    'endpoints.health': async (req) => {
      if (req?.endpoint !== undefined) {
        // The form's endpoint keeps its saved credentials only where its addresses did not move.
        const [draft] = withSavedAuthorizations(deps.store.get().endpoints, [req.endpoint]);
        const parsed = EndpointSchema.safeParse(draft);
        if (!parsed.success) throw new StudioError('invalid-settings', `This endpoint cannot be tested: ${describeZodError(parsed.error)}`);
        return [await checkOne(parsed.data)];
      }
      const endpoints = deps.store.get().endpoints;
      const name = req?.name;
      const chosen = name === undefined ? endpoints : endpoints.filter((e) => e.name === name);
      if (name !== undefined && chosen.length === 0) throw new StudioError('not-found', `No endpoint named "${name}" in settings`);
      return Promise.all(chosen.map(checkOne));
    },
  };
}
