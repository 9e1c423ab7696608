// Collects items that arrive in bursts and hands them over once per animation frame (or timer tick without one).

/** A per-frame batcher: `push` items, `flush` to deliver now, `cancel` to drop what is pending. */
export type FrameBatcher<T> = { push(item: T): void; flush(): void; cancel(): void };

type Schedule = (run: () => void) => () => void;

const nextFrame: Schedule = (run) => {
  if (typeof requestAnimationFrame === 'function') {
    const id = requestAnimationFrame(run);
    return () => cancelAnimationFrame(id);
  }
  const id = setTimeout(run, 16);
  return () => clearTimeout(id);
};

/**
 * Delivers everything pushed during one frame to `deliver`, in order, once.
 * @example const deltas = createFrameBatcher((batch) => apply(batch.at(-1)))
 */
export function createFrameBatcher<T>(deliver: (batch: T[]) => void, schedule: Schedule = nextFrame): FrameBatcher<T> {
  let pending: T[] = [];
  let unschedule: (() => void) | undefined;
  const flush = () => {
    unschedule?.();
    unschedule = undefined;
    if (!pending.length) return;
    const batch = pending;
    pending = [];
    deliver(batch);
  };
  return {
    push(item) {
      pending.push(item);
      unschedule ??= schedule(flush);
    },
    flush,
    cancel() {
      unschedule?.();
      unschedule = undefined;
      pending = [];
    },
  };
}
