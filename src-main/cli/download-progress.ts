// A progress bar on stderr for the built-in LLM's one-time model download.
import type { BuiltInLlmDownload } from '../../src-shared/built-in-llm';
import type { CliIO } from './io';

const gb = (bytes: number): string => (bytes / 1e9).toFixed(bytes < 1e8 ? 3 : 2);

/** A progress callback drawing `[#####.....]  45%  0.87 / 1.93 GB` (redrawn on a terminal, every 10% otherwise). */
export function downloadProgressBar(io: CliIO, width = 30): (progress: BuiltInLlmDownload) => void {
  let shownTenth = -1;
  let started = false;
  return ({ model, receivedBytes, totalBytes }) => {
    if (!started) {
      started = true;
      io.err(`downloading the built-in LLM ${model} (${gb(totalBytes)} GB, once)\n`);
    }
    const fraction = totalBytes > 0 ? Math.min(1, receivedBytes / totalBytes) : 1;
    const filled = Math.round(fraction * width);
    const line = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(Math.floor(fraction * 100)).padStart(3)}%  ${gb(receivedBytes)} / ${gb(totalBytes)} GB`;
    const done = receivedBytes >= totalBytes;
    if (io.interactive) return io.err(`\r${line}${done ? '\n' : ''}`);
    const tenth = Math.floor(fraction * 10);
    if (tenth > shownTenth) {
      shownTenth = tenth;
      io.err(`${line}\n`);
    }
  };
}
