// The seed of a generative task: the one the user pinned (checked), or a new random one for this run.
// It is an input like any other, so it is part of the cache key: "run again" draws a new image, a
// pinned seed reproduces one.
import { randomInt } from 'node:crypto';
import { MAX_RANDOM_SEED, parseSeed, SEED_PORT } from '../../../src-shared/seed';
import type { TaskError } from '../../../src-shared/run-events';
import type { TaskTypeSpec } from '../../../src-shared/tasks';
import type { ResolvedInput } from './resolve-inputs';

/** A random seed from 0 to MAX_RANDOM_SEED. */
export const randomSeed = (): number => randomInt(0, MAX_RANDOM_SEED + 1);

/** The inputs with their seed filled (`drawn` says it was chosen now), or why the pinned one is refused. */
export type SeededInputs =
  | { ok: true; inputs: Record<string, ResolvedInput>; drawn?: number }
  | { ok: false; error: TaskError };

/** Fills the seed of a task type that takes one; other task types pass through unchanged. */
export function seedInputs(spec: TaskTypeSpec, inputs: Record<string, ResolvedInput>, draw: () => number = randomSeed): SeededInputs {
  if (!spec.inputs.some((p) => p.name === SEED_PORT)) return { ok: true, inputs };
  const given = inputs[SEED_PORT];
  if (given?.modality === 'text' && given.text.trim() !== '') {
    const parsed = parseSeed(given.text);
    if (!parsed.ok) return { ok: false, error: { kind: 'invalid-input', message: parsed.message, retriable: false } };
    return { ok: true, inputs: { ...inputs, [SEED_PORT]: { modality: 'text', text: String(parsed.seed) } } };
  }
  const drawn = draw();
  return { ok: true, inputs: { ...inputs, [SEED_PORT]: { modality: 'text', text: String(drawn) } }, drawn };
}
