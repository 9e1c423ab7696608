// What every benchmark module returns: named figures with their targets, and the details behind them.

/** A target a figure must meet: `value <= limit` or `value < limit`. */
export interface Target {
  op: '<=' | '<';
  limit: number;
}

/** One measured figure, e.g. `scheduler.ratio`; `value` is null when it could not be measured (see `note`). */
export interface Figure {
  name: string;
  value: number | null;
  unit: string;
  target?: Target;
  note?: string;
  /** The machine's 1-minute load average when it was measured (the machine is shared: above the core count, it was busy). */
  load?: number;
}

/** The outcome of one benchmark module. */
export interface BenchResult {
  figures: Figure[];
  /** Settings used and per-case measurements, printed in `--json`. */
  details: Record<string, unknown>;
}

/** One benchmark module: a name for `--only` and a function that measures. */
export interface Bench {
  name: string;
  run(): Promise<BenchResult>;
}

/** 'pass', 'miss', 'n/a' (no target) or 'not measured'. */
export function verdict(figure: Figure): 'pass' | 'miss' | 'n/a' | 'not measured' {
  if (figure.value === null) return 'not measured';
  if (!figure.target) return 'n/a';
  const { op, limit } = figure.target;
  return (op === '<=' ? figure.value <= limit : figure.value < limit) ? 'pass' : 'miss';
}

/** The median of a non-empty list. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Rounds to `digits` decimals. */
export const round = (value: number, digits = 3): number => Number(value.toFixed(digits));

/** Progress lines go to stderr so that `--json` stays one document on stdout. */
export const log = (message: string): void => void process.stderr.write(`[bench] ${message}\n`);
