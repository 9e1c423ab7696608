// Progress with a known fraction (a model download) as a bar on stderr: redrawn in place at a terminal,
// a line every quarter otherwise (logs stay short). Every other event is one line, as before.
import type { PlanTask } from '../../src-shared/plan';
import type { RunEvent } from '../../src-shared/run-events';
import type { CliIO } from './io';
import { progressLine } from './run-report';

const WIDTH = 24;

/** `[#########...............]  37%` */
export function progressBar(fraction: number): string {
  const clamped = Math.max(0, Math.min(1, fraction));
  const filled = Math.round(clamped * WIDTH);
  return `[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${String(Math.floor(clamped * 100)).padStart(3)}%`;
}

/** Prints run events on stderr, with bars for fractional progress. */
export function createEventPrinter(io: Pick<CliIO, 'err' | 'interactive'>, tasks: Map<number, PlanTask>): (event: RunEvent) => void {
  let barOpen = false;
  const lastQuarter = new Map<number, number>();
  return (event) => {
    if (event.type === 'node-progress' && event.fraction !== undefined) {
      const text = `${progressLine(event, tasks)} ${progressBar(event.fraction)}`;
      if (io.interactive) {
        io.err(`\r${text}\u001b[K`);
        barOpen = true;
        return;
      }
      const quarter = Math.floor(event.fraction * 4);
      if (lastQuarter.get(event.taskId) === quarter) return;
      lastQuarter.set(event.taskId, quarter);
      io.err(`${text}\n`);
      return;
    }
    const line = progressLine(event, tasks);
    if (!line) return;
    io.err(`${barOpen ? '\n' : ''}${line}\n`);
    barOpen = false;
  };
}
