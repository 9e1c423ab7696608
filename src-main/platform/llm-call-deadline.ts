// The two deadlines of every LLM call: a total one (however steadily the answer arrives) and an idle one
// (no byte for too long). The openai SDK's own timeout ends when the headers arrive, so a server that
// sends headers and then stalls would otherwise hang the call forever.

/** Why a call's controller was aborted. */
export type DeadlineReason = 'cancelled' | 'idle' | 'total';

/** One call's abort controller, linked to the caller's signal and to both deadlines. */
export class CallDeadline {
  readonly controller = new AbortController();
  reason: DeadlineReason | undefined;
  private idleTimer: NodeJS.Timeout | undefined;
  private readonly totalTimer: NodeJS.Timeout;
  private readonly onCallerAbort = () => this.abort('cancelled');

  constructor(
    readonly idleMs: number,
    readonly totalMs: number,
    private readonly caller?: AbortSignal,
  ) {
    this.totalTimer = setTimeout(() => this.abort('total'), totalMs);
    if (caller?.aborted) this.abort('cancelled');
    caller?.addEventListener('abort', this.onCallerAbort, { once: true });
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** (Re)starts the idle clock: call when waiting begins and whenever bytes arrive. */
  touch(): void {
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => this.abort('idle'), this.idleMs);
  }

  /** Stops the idle clock (while the SDK's own header timeout is in charge). */
  pauseIdle(): void {
    clearTimeout(this.idleTimer);
  }

  private abort(reason: DeadlineReason): void {
    if (this.reason) return;
    this.reason = reason;
    this.controller.abort();
  }

  /** Releases the timers and the caller's listener. */
  dispose(): void {
    clearTimeout(this.idleTimer);
    clearTimeout(this.totalTimer);
    this.caller?.removeEventListener('abort', this.onCallerAbort);
  }
}

/** Reads a whole response body as text, failing when no bytes arrive for the idle deadline. */
export async function readBodyText(response: Response, deadline: CallDeadline): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const abort = () => void reader.cancel().catch(() => {});
  deadline.signal.addEventListener('abort', abort, { once: true });
  let text = '';
  try {
    deadline.touch();
    for (;;) {
      deadline.signal.throwIfAborted();
      const { done, value } = await reader.read();
      deadline.signal.throwIfAborted(); // a cancelled reader ends quietly
      if (done) break;
      deadline.touch();
      text += decoder.decode(value, { stream: true });
    }
    return text + decoder.decode();
  } finally {
    deadline.pauseIdle();
    deadline.signal.removeEventListener('abort', abort);
  }
}
