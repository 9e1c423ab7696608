// The engine's CloudAvailability on the Hub's provider mappings and the cloud-routes table.
import { InferenceError } from '../../engine/inference';
import type { CloudAvailability, CloudStatus } from '../../engine/selector/availability';
import { anyProviderCanServe, usableProviders, whyUnusable } from './cloud-routes';
import type { ProviderMappings } from './provider-mappings';

/**
 * Availability from cached mapping lookups. `provider` is settings.huggingface.provider: anything but
 * "auto" restricts the answer to that provider. `unservedTasks` are the task types the last catalog refresh
 * found no provider for.
 */
export function createCloudAvailability(
  mappings: ProviderMappings,
  provider: () => string = () => 'auto',
  unservedTasks: () => readonly string[] = () => [],
): CloudAvailability {
  return {
    taskServed: (task) => anyProviderCanServe(task) && !unservedTasks().includes(task),
    async check(model, task, signal): Promise<CloudStatus> {
      let mapping;
      try {
        mapping = await mappings.get(model, signal);
      } catch (error) {
        if (error instanceof InferenceError && error.kind === 'cancelled') throw error;
        return { status: 'unknown', reason: error instanceof Error ? error.message : String(error) };
      }
      const wanted = provider();
      const usable = usableProviders(mapping, task).filter((p) => wanted === 'auto' || p.provider === wanted);
      if (usable.length > 0) return { status: 'live', providers: usable.map((p) => p.provider) };
      const why = wanted !== 'auto' && usableProviders(mapping, task).length > 0 ? `provider "${wanted}" (huggingface.provider) does not serve it` : whyUnusable(mapping, task);
      return { status: 'none', reason: why };
    },
  };
}
