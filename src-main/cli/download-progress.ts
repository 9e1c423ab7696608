// A progress bar on stderr for the built-in LLM's one-time model download.
import type { BuiltInLlmDownload } from '../../src-shared/built-in-llm';
import type { CliIO } from './io';

/** Bytes in the unit that suits the total: "1.93 GB", "0.12 MB". */
const inUnit = (bytes: number, total: number): string => (total >= 1e8 ? `${(bytes / 1e9).toFixed(2)} GB` : `${(bytes / 1e6).toFixed(2)} MB`);

/** A progress callback drawing `[#####.....]  45%  0.87 / 1.93 GB` (redrawn on a terminal, every 10% otherwise). */
export function downloadProgressBar(io: CliIO, width = 30): (progress: BuiltInLlmDownload) => void {
  let shownTenth = -1;
  let started = false;
  return ({ model, receivedBytes, totalBytes }) => {
    if (!started) {
      started = true;
      io.err(`downloading the built-in LLM ${model} (${inUnit(totalBytes, totalBytes)}, once)\n`);
    }
    const fraction = totalBytes > 0 ? Math.min(1, receivedBytes / totalBytes) : 1;
    const filled = Math.round(fraction * width);
    const line = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(Math.floor(fraction * 100)).padStart(3)}%  ${inUnit(receivedBytes, totalBytes)} / ${inUnit(totalBytes, totalBytes)}`;
    const done = receivedBytes >= totalBytes;
    if (io.interactive) return io.err(`\r${line}${done ? '\n' : ''}`);
    const tenth = Math.floor(fraction * 10);
    if (tenth > shownTenth) {
      shownTenth = tenth;
      io.err(`${line}\n`);
    }
  };
}
