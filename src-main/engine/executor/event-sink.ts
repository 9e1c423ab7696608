// Numbers a run's events and hands them to the listener and the recorder.
import type { RunEvent, RunEventBody } from '../../../src-shared/run-events';
import { redactEvent } from './redact-run-data';
import type { RunRecorder } from './types';

/** Emits one run's events, numbered from 1. */
export type EmitEvent = (body: RunEventBody) => RunEvent;

/** An emitter for `runId`; a throwing listener cannot break the run; credentials in URLs never leave. */
export function createEventSink(
  runId: string,
  now: () => number,
  listener: ((event: RunEvent) => void) | undefined,
  recorder: RunRecorder | undefined,
): EmitEvent {
  let seq = 0;
  return (body) => {
    seq += 1;
    const event = { ...redactEvent(body), runId, seq, at: now() } as RunEvent;
    recorder?.event(event);
    if (listener) {
      try {
        listener(event);
      } catch {
        // A listener's bug must not stop the run; the event is still recorded.
      }
    }
    return event;
  };
}
