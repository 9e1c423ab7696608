// The engine's CloudAvailability on the Hub's provider mappings and the cloud-routes table.
import { InferenceError } from '../../engine/inference';
import type { CloudAvailability, CloudStatus } from '../../engine/selector/availability';
import { anyProviderCanServe, usableProviders, whyUnusable, type RouteOptions } from './cloud-routes';
import { LIBRARY_ROUTER_URL } from './hf-hosts';
import type { ProviderMappings } from './provider-mappings';

/** What availability reads from the settings and the catalog, at each question. */
export interface AvailabilitySources {
  /** settings.huggingface.provider: anything but "auto" restricts the answer to that provider. */
  provider?: () => string;
  /** settings.huggingface.routerUrl: a custom router rules out providers the library polls at its own. */
  routerUrl?: () => string;
  /** Task types the last catalog refresh found no provider for. */
  unservedTasks?: () => readonly string[];
}

/**
 * Whether any Inference Provider serves `task` today, without a Hub call: the installed library can call a
 * provider for it (cloud-routes) and the last catalog refresh found models for it (`unservedTasks` lists those
 * it did not). The one answer to CloudAvailability.taskServed, also for the CLI commands that have no mappings.
 */
export function providersServeTaskType(task: string, unservedTasks: readonly string[]): boolean {
  return anyProviderCanServe(task) && !unservedTasks.includes(task);
}

/** Availability from cached mapping lookups. */
export function createCloudAvailability(mappings: ProviderMappings, sources: AvailabilitySources = {}): CloudAvailability {
  const provider = sources.provider ?? (() => 'auto');
  const unservedTasks = sources.unservedTasks ?? (() => []);
  const route = (): RouteOptions => ({ customRouter: (sources.routerUrl?.() ?? LIBRARY_ROUTER_URL).replace(/\/+$/, '') !== LIBRARY_ROUTER_URL });
  return {
    taskServed: (task) => providersServeTaskType(task, unservedTasks()),
    async check(model, task, signal): Promise<CloudStatus> {
      let mapping;
      try {
        mapping = await mappings.get(model, signal);
      } catch (error) {
        if (error instanceof InferenceError && error.kind === 'cancelled') throw error;
        return { status: 'unknown', reason: error instanceof Error ? error.message : String(error) };
      }
      const wanted = provider();
      const fits = usableProviders(mapping, task, route());
      const usable = fits.filter((p) => wanted === 'auto' || p.provider === wanted);
      if (usable.length > 0) return { status: 'live', providers: usable.map((p) => p.provider) };
      const why = wanted !== 'auto' && fits.length > 0 ? `provider "${wanted}" (huggingface.provider) does not serve it` : whyUnusable(mapping, task, route());
      return { status: 'none', reason: why };
    },
  };
}
