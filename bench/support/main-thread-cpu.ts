// The page's main-thread CPU time over an interval, from a Chromium trace: on a shared machine the wall time
// of a step also counts the time other processes held the cores, its CPU time does not.
import type { CDPSession, Page } from 'playwright-core';

type TraceEvent = { name: string; ph: string; ts: number; dur?: number; tdur?: number; pid: number; tid: number; args?: { name?: string } };

/** A running trace of one page; `cpuMs(from, to)` sums its main thread's CPU time between two page times. */
export type MainThreadTrace = { stop(): Promise<{ cpuMs(from: number, to: number): number }> };

const ANCHOR = 'hgs-bench-anchor';

/** Starts tracing `page` (task durations and user timing marks only). */
export async function traceMainThread(page: Page): Promise<MainThreadTrace> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (d) => void events.push(...(d.value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', { categories: 'disabled-by-default-devtools.timeline,blink.user_timing', transferMode: 'ReportEvents' });
  return {
    async stop() {
      // The anchor ties the page's clock (performance.now) to the trace's clock.
      const anchorAt = await page.evaluate<number>(`performance.mark('${ANCHOR}').startTime`);
      const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
      await cdp.send('Tracing.end');
      await done;
      await cdp.detach();
      const anchor = events.find((e) => e.name === ANCHOR);
      const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && (!anchor || e.pid === anchor.pid));
      if (!anchor || !main) throw new Error('the trace has no renderer main thread or no anchor mark');
      const offsetUs = anchor.ts - anchorAt * 1000;
      const tasks = events.filter((e) => e.ph === 'X' && e.name === 'RunTask' && e.pid === main.pid && e.tid === main.tid && e.dur);
      return {
        cpuMs(from, to) {
          const [lo, hi] = [from * 1000 + offsetUs, to * 1000 + offsetUs];
          let us = 0;
          for (const t of tasks) {
            const overlap = Math.min(hi, t.ts + t.dur!) - Math.max(lo, t.ts);
            if (overlap > 0) us += (t.tdur ?? t.dur!) * (overlap / t.dur!);
          }
          return us / 1000;
        },
      };
    },
  };
}
