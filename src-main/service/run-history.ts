// The run history as the app shows it: summaries, full records with their events, and comparisons.
import { stat } from 'node:fs/promises';
import { isSuccess, type NodeStatus } from '../../src-shared/run-events';
import type { NodeComparison, RecordedNode, RunDetail, RunListItem } from '../../src-shared/library';
import type { TaskOutput } from '../../src-shared/resources';
import { StudioError } from '../../src-shared/contract-error';
import { RUN_ID_PATTERN } from '../engine/executor/run-id';
import type { NodeResult, RunRecord } from '../engine/executor/types';
import type { FsRunRecorder } from '../platform/fs-run-recorder';

const MAX_LISTED = 200;

/** A run's summary line. */
export function runListItem(record: RunRecord): RunListItem {
  const item: RunListItem = {
    runId: record.runId,
    status: record.status,
    startedAt: record.startedAt,
    // An interrupted run's end is unknown: no duration rather than a made-up one.
    durationMs: record.interrupted ? undefined : record.summary?.durationMs,
    request: record.context.request || undefined,
    workflow: record.context.workflow,
    taskCount: record.tasks.length,
    counts: record.summary?.counts ?? {},
    usage: record.context.usage,
    ...(record.interrupted ? { interrupted: true } : {}),
  };
  return item;
}

/** A node result without the CLI's absolute paths (the renderer reaches files by resource). */
function recordedNode(result: NodeResult): RecordedNode {
  const { cacheKey: _key, outputs, ...rest } = result;
  return { ...rest, outputs: outputs.map(({ path: _path, ...output }) => output) };
}

/** What identifies an output's content: the stored file's hash or the text. */
const outputKey = (outputs: TaskOutput[] = []) =>
  JSON.stringify(outputs.map((o) => [o.port, o.resource?.hash ?? o.text ?? '']).sort());

/** A cached result is the same outcome as a fresh one. */
const sameOutcome = (a?: NodeStatus, b?: NodeStatus) => a === b || (isSuccess(a) && isSuccess(b));

/** Reads runs through the recorder that wrote them. */
export class RunHistory {
  constructor(private readonly recorder: FsRunRecorder) {}

  /** The newest runs first, optionally only those that ended with `status`. */
  async list(status?: RunListItem['status']): Promise<RunListItem[]> {
    const items: RunListItem[] = [];
    for (const runId of await this.recorder.list()) {
      let item: RunListItem | undefined;
      try {
        const record = await this.recorder.read(runId);
        item = record && runListItem(await this.recorder.settleIfInterrupted(record));
      } catch (error) {
        // Never hidden: listed with the reason (and the folder's time, to sort it), its folder left as it is.
        const startedAt = await stat(this.recorder.runFolder(runId)).then((info) => info.mtimeMs, () => 0);
        item = { runId, status: 'failed', startedAt, taskCount: 0, counts: {}, damaged: `run.json cannot be read: ${error instanceof Error ? error.message : String(error)}` };
      }
      if (!item || (status && item.status !== status)) continue;
      items.push(item);
      if (items.length >= MAX_LISTED) break;
    }
    return items.sort((a, b) => b.startedAt - a.startedAt);
  }

  /** The stored record of `runId`; `not-found` when there is none. */
  async record(runId: string): Promise<RunRecord> {
    if (!RUN_ID_PATTERN.test(runId)) throw new StudioError('not-found', `no run "${runId}"`);
    const record = await this.recorder.read(runId).catch((error: unknown) => {
      throw new StudioError('damaged-run', `run ${runId} cannot be opened: run.json is damaged (${error instanceof Error ? error.message : String(error)})`);
    });
    if (!record) throw new StudioError('not-found', `no run "${runId}" in the history`);
    return this.recorder.settleIfInterrupted(record);
  }

  /** One run in full, with its events. */
  async detail(runId: string): Promise<RunDetail> {
    const record = await this.record(runId);
    const results: RunDetail['results'] = {};
    for (const [id, result] of Object.entries(record.results)) results[Number(id)] = recordedNode(result);
    return {
      ...runListItem(record),
      tasks: record.tasks,
      selections: record.selections,
      results,
      userResources: record.context.userResources ?? {},
      response: record.context.response,
      events: await this.recorder.readEvents(runId),
    };
  }

  /** Per task of either run: its status in each and whether its outputs changed. */
  async compare(a: string, b: string): Promise<NodeComparison[]> {
    const [ra, rb] = await Promise.all([this.record(a), this.record(b)]);
    const ids = [...new Set([...ra.tasks, ...rb.tasks].map((t) => t.id))].sort((x, y) => x - y);
    return ids.map((taskId) => {
      const na = ra.results[taskId];
      const nb = rb.results[taskId];
      const task = (ra.tasks.find((t) => t.id === taskId) ?? rb.tasks.find((t) => t.id === taskId))!.task;
      const inA = ra.tasks.some((t) => t.id === taskId);
      const inB = rb.tasks.some((t) => t.id === taskId);
      const change: NodeComparison['change'] = !inA ? 'only-b' : !inB ? 'only-a' : sameOutcome(na?.status, nb?.status) && outputKey(na?.outputs) === outputKey(nb?.outputs) ? 'same' : 'changed';
      return { taskId, task, a: na?.status, b: nb?.status, change };
    });
  }
}
