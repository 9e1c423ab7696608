// Raw model outputs become task outputs: text inline, bytes stored in the resource store.
import type { TaskOutput } from '../../../src-shared/resources';
import type { RawOutput, ResourceStore } from '../inference';

/** Stores the binary outputs and returns every output by reference, with the stored file's path. */
export async function storeOutputs(raw: RawOutput[], store: ResourceStore): Promise<TaskOutput[]> {
  return Promise.all(
    raw.map(async (output): Promise<TaskOutput> => {
      if (output.modality === 'text') return { port: output.port, modality: 'text', text: output.text };
      const resource = await store.put(output.bytes, output.mime ? { mime: output.mime } : undefined);
      return { port: output.port, modality: output.modality, resource, path: store.pathOf(resource) };
    }),
  );
}
