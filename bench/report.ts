// Presenting the figures: the terminal table, the machine description and bench/RESULTS.md.
import { writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { verdict, type Figure } from './support/figure';

/** The machine the figures were measured on. */
export function machineInfo(): { cpu: string; cores: number; memoryGb: number; node: string; platform: string } {
  const list = cpus();
  return { cpu: list[0]?.model.trim() ?? 'unknown', cores: list.length, memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version, platform: `${process.platform}-${process.arch}` };
}

const targetText = (f: Figure): string => (f.target ? `${f.target.op} ${f.target.limit}${f.unit ? ` ${f.unit}` : ''}` : '');
const valueText = (f: Figure): string => (f.value === null ? '-' : `${f.value}${f.unit ? ` ${f.unit}` : ''}`);
const loadText = (f: Figure): string => (f.load === undefined ? '' : f.load.toFixed(1));

/** A fixed-width table: figure, value, target, verdict, machine load. */
export function renderTable(figures: Figure[]): string {
  const rows = [['figure', 'value', 'target', 'result', 'load'], ...figures.map((f) => [f.name, valueText(f), targetText(f), verdict(f), loadText(f)])];
  const widths = rows[0].map((_c, i) => Math.max(...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
  const notes = figures.filter((f) => f.note).map((f) => `  ${f.name}: ${f.note}`);
  return [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line), '', 'notes:', ...notes].join('\n');
}

/** bench/RESULTS.md: the date, the machine, the table and how to reproduce. */
export function renderResultsMarkdown(report: { date: string; machine: ReturnType<typeof machineInfo>; totalSeconds: number; checks: Array<Figure & { verdict: string }> }): string {
  const m = report.machine;
  const rows = report.checks.map((f) => `| \`${f.name}\` | ${valueText(f)} | ${targetText(f)} | ${f.verdict} | ${loadText(f)} | ${f.note ?? ''} |`);
  return [
    '# Benchmark results',
    '',
    `Measured ${report.date.slice(0, 10)} on ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB, Node ${m.node}, ${m.platform} (suite took ${report.totalSeconds} s).`,
    'Fakes on loopback (127.0.0.1) with fixed latencies; each figure is a median of several runs (see `--json` for every run).',
    `The machine is shared: \`load\` is its 1-minute load average when the figure was taken (above ${m.cores}, other work was waiting for the cores and wall times grow with it; the UI figures also give the page's main-thread CPU time).`,
    '',
    '| figure | value | target | result | load | note |',
    '|---|---|---|---|---|---|',
    ...rows,
    '',
    'Reproduce: `npm run bench` (table), `npm run bench -- --json` (one JSON document with the settings and every run),',
    '`npm run bench -- --only scheduler` (one benchmark), `npm run bench -- --write` (rewrites this file).',
    'The startup and bundle figures build the app first (`electron-vite build`); the UI figures need /usr/bin/chromium.',
    '',
  ].join('\n');
}

/** Rewrites bench/RESULTS.md. */
export async function writeResults(markdown: string): Promise<void> {
  await writeFile(fileURLToPath(new URL('./RESULTS.md', import.meta.url)), markdown);
}
