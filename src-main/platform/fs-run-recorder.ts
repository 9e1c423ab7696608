// Run records on disk: runs/<id>/run.json (written atomically) and runs/<id>/events.jsonl (appended).
import { appendFile, mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isSettled, type RunEvent } from '../../src-shared/run-events';
import { RUN_ID_PATTERN } from '../engine/executor/run-id';
import type { RunContext, RunRecord, RunRecorder } from '../engine/executor/types';
import { processAlive, removeStaleTempFiles, writeFileAtomic } from './atomic-file';

/** Why an unfinished node of an interrupted run did not finish. */
export const INTERRUPTED_NODE_REASON = 'the app stopped before this node finished';

/** Events waiting to be appended for one run, and the write in flight. */
interface EventLog {
  folder: string;
  ready: Promise<void>;
  buffer: string[];
  flushing?: Promise<void>;
  /** The first append that failed; reported by `finish`. */
  error?: unknown;
}

/**
 * A RunRecorder in `<dataDir>/runs/`. Events are buffered and appended in batches, one write at a
 * time per run, so recording never blocks the run; `finish` waits for them before the final record.
 */
export class FsRunRecorder implements RunRecorder {
  readonly folder: string;
  private readonly logs = new Map<string, EventLog>();

  constructor(dataDir: string) {
    this.folder = join(dataDir, 'runs');
  }

  /** The folder of one run. */
  runFolder(runId: string): string {
    if (!RUN_ID_PATTERN.test(runId)) throw new Error(`invalid run id "${runId}"`);
    return join(this.folder, runId);
  }

  begin(record: RunRecord): Promise<void> {
    const folder = this.runFolder(record.runId);
    const ready = mkdir(folder, { recursive: true }).then(() => writeFileAtomic(join(folder, 'run.json'), JSON.stringify({ ...record, pid: process.pid }, null, 2)));
    const log: EventLog = { folder, ready: ready.catch(() => undefined), buffer: [] };
    this.logs.set(record.runId, log);
    return ready;
  }

  event(event: RunEvent): void {
    const log = this.logs.get(event.runId);
    if (!log) return;
    log.buffer.push(`${JSON.stringify(event)}\n`);
    if (!log.flushing) log.flushing = this.flush(log);
  }

  private async flush(log: EventLog): Promise<void> {
    try {
      await log.ready;
      while (log.buffer.length > 0) {
        const batch = log.buffer.join('');
        log.buffer.length = 0;
        await appendFile(join(log.folder, 'events.jsonl'), batch);
      }
    } catch (error) {
      log.error ??= error;
    } finally {
      log.flushing = undefined;
    }
  }

  async finish(record: RunRecord): Promise<void> {
    const log = this.logs.get(record.runId);
    try {
      while (log?.flushing) await log.flushing;
    } finally {
      this.logs.delete(record.runId);
    }
    await writeFileAtomic(join(this.runFolder(record.runId), 'run.json'), JSON.stringify({ ...record, pid: process.pid }, null, 2));
    if (log?.error) throw log.error;
  }

  async annotate(runId: string, context: Partial<RunContext>): Promise<void> {
    const record = await this.read(runId);
    if (!record) return;
    const next = { ...record, context: { ...record.context, ...context } };
    await writeFileAtomic(join(this.runFolder(runId), 'run.json'), JSON.stringify(next, null, 2));
  }

  /** A stored run record, or undefined if there is none. */
  async read(runId: string): Promise<RunRecord | undefined> {
    try {
      return JSON.parse(await readFile(join(this.runFolder(runId), 'run.json'), 'utf8')) as RunRecord;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  /**
   * A stored run's events, in order. A line that is not JSON (torn by a crash or a full disk mid-append) is
   * skipped: the events before and after it still open.
   */
  async readEvents(runId: string): Promise<RunEvent[]> {
    const text = await readFile(join(this.runFolder(runId), 'events.jsonl'), 'utf8').catch(() => '');
    const events: RunEvent[] = [];
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      try {
        events.push(JSON.parse(line) as RunEvent);
      } catch {
        // A torn line: nothing of it can be trusted.
      }
    }
    return events;
  }

  /**
   * Marks a `running` record whose process is gone as interrupted (status cancelled, unfinished nodes
   * cancelled) and removes the temporary files its writes left. Returns the record as it now is.
   */
  async settleIfInterrupted(record: RunRecord): Promise<RunRecord> {
    const ownerAlive = record.pid !== undefined && processAlive(record.pid);
    if (record.status !== 'running' || ownerAlive) return record;
    const folder = this.runFolder(record.runId);
    await removeStaleTempFiles(folder);
    const counts: Record<string, number> = {};
    const results = { ...record.results };
    for (const task of record.tasks) {
      const result = results[task.id];
      // A node that had not finished is recorded as cancelled, with why, so a reopened run never shows it as still to run.
      if (!result || !isSettled(result.status)) results[task.id] = { ...result, status: 'cancelled', outputs: result?.outputs ?? [], attempts: result?.attempts ?? [], reason: INTERRUPTED_NODE_REASON };
      const status = results[task.id].status;
      counts[status] = (counts[status] ?? 0) + 1;
    }
    const settled: RunRecord = { ...record, results, status: 'cancelled', interrupted: true, summary: { status: 'cancelled', durationMs: 0, counts } };
    await writeFileAtomic(join(folder, 'run.json'), JSON.stringify(settled, null, 2));
    return settled;
  }

  /** Stored run ids, newest first. */
  async list(): Promise<string[]> {
    const names = await readdir(this.folder).catch(() => [] as string[]);
    return names.filter((n) => RUN_ID_PATTERN.test(n)).sort().reverse();
  }
}
