// The contract's `builtin.*` channels: the built-in runtime's models for the settings panel (sizes,
// downloads with progress events and cancellation, delete).
import type { EmitEvent, StudioHandlers } from '../../src-shared/contract';
import type { BuiltInRuntime } from '../platform/endpoints/transformers-js/builtin-runtime';

type BuiltInChannel = 'builtin.list' | 'builtin.download' | 'builtin.cancelDownload' | 'builtin.delete';

/** The handlers over one runtime; downloads in progress are keyed by model id. */
export function createBuiltInHandlers(runtime: BuiltInRuntime, emit: EmitEvent): Pick<StudioHandlers, BuiltInChannel> {
  const downloads = new Map<string, AbortController>();
  return {
    'builtin.list': ({ sizes }) => runtime.list({ sizes }),
    'builtin.download': async ({ id, task }) => {
      downloads.get(id)?.abort();
      const controller = new AbortController();
      downloads.set(id, controller);
      try {
        const bytesOnDisk = await runtime.download(id, task, { signal: controller.signal, onProgress: (p) => emit('builtin.progress', { id, message: p.message, fraction: p.fraction }) });
        return { id, bytesOnDisk };
      } finally {
        if (downloads.get(id) === controller) downloads.delete(id);
      }
    },
    'builtin.cancelDownload': async ({ id }) => downloads.get(id)?.abort(),
    'builtin.delete': async ({ id }) => ({ deleted: await runtime.remove(id) }),
  };
}
