// Run ids sortable by time: `20261124-061500-ab12cd` (UTC date and time, then random hex).

/** Matches a valid run id (also what the recorder accepts as a folder name). */
export const RUN_ID_PATTERN = /^[0-9A-Za-z][\w-]{0,127}$/;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** A new run id for the time `now` (ms since the epoch). */
export function newRunId(now: number): string {
  const d = new Date(now);
  const date = `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}`;
  const time = `${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`;
  const random = new Uint8Array(3);
  globalThis.crypto.getRandomValues(random);
  const suffix = [...random].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${date}-${time}-${suffix}`;
}
