// The seed of generative tasks (text-to-image, image-to-image, text-to-video, ControlNet generation):
// an optional `seed` argument; empty means a new random seed on every run, a number pins the result.

/** The input port (plan argument) that carries a task's seed. */
export const SEED_PORT = 'seed';

/** The largest seed a user may pin (JavaScript's largest exact integer; ComfyUI accepts up to 2^64-1). */
export const MAX_SEED = Number.MAX_SAFE_INTEGER;

/** The largest seed drawn at random: 32 bits, which every server accepts. */
export const MAX_RANDOM_SEED = 2 ** 32 - 1;

/**
 * Reads a seed argument: a whole number from 0 to MAX_SEED, or a sentence saying what is wrong.
 * @example parseSeed(' 42 ') // { ok: true, seed: 42 }
 */
export function parseSeed(value: string): { ok: true; seed: number } | { ok: false; message: string } {
  const text = value.trim();
  const seed = /^\d{1,16}$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(seed) || seed > MAX_SEED) {
    return { ok: false, message: `argument "${SEED_PORT}" must be a whole number from 0 to ${MAX_SEED} (or empty for a random seed), not "${text.slice(0, 40)}"` };
  }
  return { ok: true, seed };
}
