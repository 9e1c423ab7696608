// Bounded concurrency: a run-wide limit and a per-endpoint limit, with FIFO waiting that can be aborted.

/** Gives up a held slot. */
export type Release = () => void;

/** A counting semaphore with a FIFO queue (O(1) per acquire and release). */
export class Semaphore {
  private active = 0;
  private readonly waiters: Array<(() => void) | undefined> = [];
  private head = 0;

  constructor(private readonly limit: number) {}

  /** Waits for a slot; rejects with the signal's reason if it aborts first. */
  acquire(signal: AbortSignal): Promise<Release> {
    if (signal.aborted) return Promise.reject(signal.reason);
    if (this.active < this.limit) {
      this.active += 1;
      return Promise.resolve(this.releaser());
    }
    return new Promise<Release>((resolve, reject) => {
      const index = this.waiters.length;
      const onAbort = () => {
        this.waiters[index] = undefined;
        reject(signal.reason);
      };
      this.waiters.push(() => {
        signal.removeEventListener('abort', onAbort);
        resolve(this.releaser());
      });
      signal.addEventListener('abort', onAbort, { once: true });
    });
  }

  private releaser(): Release {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.active -= 1;
      this.wakeNext();
    };
  }

  private wakeNext(): void {
    while (this.head < this.waiters.length) {
      const wake = this.waiters[this.head];
      this.waiters[this.head] = undefined;
      this.head += 1;
      if (wake) {
        this.active += 1;
        wake();
        break;
      }
    }
    if (this.head === this.waiters.length) {
      this.waiters.length = 0;
      this.head = 0;
    }
  }
}

/** Slots for calls: one per endpoint (up to `perEndpoint`) and one run-wide (up to `total`). */
export class CallSlots {
  private readonly total: Semaphore;
  private readonly byEndpoint = new Map<string, Semaphore>();

  constructor(
    total: number,
    private readonly perEndpoint: number,
  ) {
    this.total = new Semaphore(total);
  }

  /**
   * Holds a slot on `endpoint` and a run-wide slot. The endpoint slot is taken first, so a call
   * waiting for a busy endpoint does not keep a run-wide slot from calls to other endpoints.
   */
  async acquire(endpoint: string, signal: AbortSignal): Promise<Release> {
    let endpointSlots = this.byEndpoint.get(endpoint);
    if (!endpointSlots) {
      endpointSlots = new Semaphore(this.perEndpoint);
      this.byEndpoint.set(endpoint, endpointSlots);
    }
    const releaseEndpoint = await endpointSlots.acquire(signal);
    try {
      const releaseTotal = await this.total.acquire(signal);
      return () => {
        releaseTotal();
        releaseEndpoint();
      };
    } catch (error) {
      releaseEndpoint();
      throw error;
    }
  }
}
