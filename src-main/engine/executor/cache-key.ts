// The cache key of a node: its task, model and input contents (text, or the hashes of stored files).
import { createHash } from 'node:crypto';
import type { ResolvedInput } from './resolve-inputs';

const KEY_VERSION = 1;

/** A lowercase hex SHA-256 naming this task, model and inputs; the endpoint does not change the result. */
export function cacheKeyOf(task: string, model: string, inputs: Record<string, ResolvedInput>): string {
  const ports = Object.keys(inputs).sort();
  const content = ports.map((port) => {
    const input = inputs[port];
    return input.modality === 'text' ? [port, 'text', input.text] : [port, input.modality, input.ref.hash];
  });
  return createHash('sha256').update(JSON.stringify([KEY_VERSION, task, model, content])).digest('hex');
}
