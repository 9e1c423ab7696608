// A scripted ModelRunner for executor tests: records calls, concurrency in flight and signals, and can
// fail with InferenceError kinds or wait for its signal.
import { findTaskType } from '../../../src-shared/tasks';
import type { InferenceCall, InferenceInput, ModelRunner, RawOutput } from '../../../src-main/engine/inference';

/** What a call of one model does; `n` counts this model's calls from 1. */
export type Script = (call: InferenceCall, n: number) => Promise<RawOutput[]> | RawOutput[];

const MIME = { image: 'image/png', audio: 'audio/wav', video: 'video/mp4', table: 'text/csv' } as const;

/** Describes an input the way the default script echoes it: text as is, files by their content. */
export function describeInput(input: InferenceInput): string {
  return input.modality === 'text' ? input.text : `${input.modality}[${new TextDecoder().decode(input.bytes)}]`;
}

/** The default answer: one output per output port, naming the model and echoing the inputs. */
export function echoOutputs(call: InferenceCall): RawOutput[] {
  const spec = findTaskType(call.task)!;
  // The seed of generative tasks is left out: the harness draws the same one every time (fixtures.ts).
  const summary = Object.entries(call.inputs).filter(([port]) => port !== 'seed').map(([port, input]) => `${port}=${describeInput(input)}`).join(',');
  return spec.outputs.map((port): RawOutput => {
    const content = `${call.model}(${summary})`;
    if (port.modality === 'text') return { port: port.name, modality: 'text', text: content };
    return { port: port.name, modality: port.modality, bytes: new TextEncoder().encode(content), mime: MIME[port.modality] };
  });
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Records every call; answers after a few event-loop turns so that concurrent calls overlap. */
export class ScriptedRunner implements ModelRunner {
  readonly calls: InferenceCall[] = [];
  readonly scripts = new Map<string, Script>();
  private readonly counts = new Map<string, number>();
  inFlight = 0;
  maxInFlight = 0;
  readonly inFlightByEndpoint = new Map<string, number>();
  readonly maxInFlightByEndpoint = new Map<string, number>();
  /** Event-loop turns each call takes. */
  turns = 3;

  /** Sets what calls of `model` do. */
  script(model: string, script: Script): this {
    this.scripts.set(model, script);
    return this;
  }

  /** The models called, in call order. */
  get models(): string[] {
    return this.calls.map((c) => c.model);
  }

  async run(call: InferenceCall): Promise<RawOutput[]> {
    this.calls.push(call);
    const n = (this.counts.get(call.model) ?? 0) + 1;
    this.counts.set(call.model, n);
    const endpoint = call.target.kind === 'endpoint' ? call.target.endpoint : 'huggingface';
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    const onEndpoint = (this.inFlightByEndpoint.get(endpoint) ?? 0) + 1;
    this.inFlightByEndpoint.set(endpoint, onEndpoint);
    this.maxInFlightByEndpoint.set(endpoint, Math.max(this.maxInFlightByEndpoint.get(endpoint) ?? 0, onEndpoint));
    try {
      for (let i = 0; i < this.turns; i += 1) await tick();
      const script = this.scripts.get(call.model);
      return script ? await script(call, n) : echoOutputs(call);
    } finally {
      this.inFlight -= 1;
      this.inFlightByEndpoint.set(endpoint, this.inFlightByEndpoint.get(endpoint)! - 1);
    }
  }
}

/** A script that never answers: it rejects when its signal aborts (timeouts, cancellation). */
export const waitForAbort: Script = (call) =>
  new Promise((_resolve, reject) => {
    call.signal.addEventListener('abort', () => reject(new DOMException('The operation was aborted.', 'AbortError')), { once: true });
  });

/** A script that throws `error` for the first `times` calls, then echoes. */
export const failFirst = (times: number, error: () => Error): Script => (call, n) => {
  if (n <= times) throw error();
  return echoOutputs(call);
};
