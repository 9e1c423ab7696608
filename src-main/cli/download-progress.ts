// A progress bar on stderr for the built-in LLM's one-time model download.
import { formatBytes, type BuiltInLlmDownload } from '../../src-shared/built-in-llm';
import type { CliIO } from './io';
import { progressBar } from './progress-bar';

/** A progress callback drawing the CLI's progress bar plus `0.87 GB / 1.93 GB` (redrawn on a terminal, every 10% otherwise). */
export function downloadProgressBar(io: CliIO): (progress: BuiltInLlmDownload) => void {
  let shownTenth = -1;
  let started = false;
  return ({ model, receivedBytes, totalBytes }) => {
    if (!started) {
      started = true;
      io.err(`downloading the built-in LLM ${model} (${formatBytes(totalBytes)}, once)\n`);
    }
    const fraction = totalBytes > 0 ? Math.min(1, receivedBytes / totalBytes) : 1;
    const line = `${progressBar(fraction)}  ${formatBytes(receivedBytes)} / ${formatBytes(totalBytes)}`;
    const done = receivedBytes >= totalBytes;
    if (io.interactive) return io.err(`\r${line}${done ? '\n' : ''}`);
    const tenth = Math.floor(fraction * 10);
    if (tenth > shownTenth) {
      shownTenth = tenth;
      io.err(`${line}\n`);
    }
  };
}
