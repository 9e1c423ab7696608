// How an evaluation is shown: a metrics table for the terminal and a markdown report of each request's differences.
import { EVAL_REQUEST_TYPES } from './dataset';
import type { NamedEdge } from './metrics';
import type { EvalSummary, GroupMetrics, LlmMetrics, ScoredRequest } from './score';

const COLUMNS: Array<[string, (g: GroupMetrics) => number | null]> = [
  ['parse', (g) => g.parseRate],
  ['acc', (g) => g.accuracy],
  ['P', (g) => g.precision],
  ['R', (g) => g.recall],
  ['F1', (g) => g.f1],
  ['edgeF1', (g) => g.edgeF1],
  ['ED', (g) => g.editDistance],
  ['argF1', (g) => g.argNameF1],
  ['valF1', (g) => g.argValueF1],
];

const fraction = (x: number | null): string => (x === null ? '-' : x.toFixed(3));

function rows(summary: EvalSummary): Array<[string, GroupMetrics]> {
  return [...EVAL_REQUEST_TYPES.map((t): [string, GroupMetrics] => [t, summary.byType[t]]), ['all', summary]];
}

/** The metrics as a plain-text table (rows: request types and all; ED is the normalised edit distance). */
export function formatMetricsTable(summary: EvalSummary): string {
  const header = ['type', 'n', ...COLUMNS.map(([name]) => name)];
  const body = rows(summary).map(([name, g]) => [name, String(g.count), ...COLUMNS.map(([, pick]) => fraction(pick(g)))]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  const out = [line(header), ...body.map(line)];
  if (summary.llm) out.push(llmLine(summary.llm));
  return out.join('\n') + '\n';
}

function llmLine(llm: LlmMetrics): string {
  return (
    `LLM per request: ${llm.meanCalls.toFixed(2)} calls, ${llm.meanTokens.toFixed(0)} tokens ` +
    `(${llm.meanPromptTokens.toFixed(0)} prompt + ${llm.meanCompletionTokens.toFixed(0)} completion), ` +
    `${(llm.meanLatencyMs / 1000).toFixed(2)} s; ${llm.failures} failed call(s)`
  );
}

const code = (s: string): string => `\`${s.replace(/`/g, "'")}\``;
const edge = ([source, target]: NamedEdge): string => code(`${source} -> ${target}`);
const list = (xs: string[]): string => xs.join(', ');

function markdownTable(summary: EvalSummary): string[] {
  const header = ['type', 'n', ...COLUMNS.map(([name]) => name)];
  return [
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows(summary).map(([name, g]) => `| ${[name, String(g.count), ...COLUMNS.map(([, pick]) => fraction(pick(g)))].join(' | ')} |`),
  ];
}

function requestSection(r: ScoredRequest): string[] {
  const c = r.comparison;
  const lines = [`### ${r.item.id} (${r.item.type})`, '', `> ${r.item.request.replace(/\n/g, ' ')}`, ''];
  if (!r.parsed) lines.push(`- unusable output: ${r.problem ?? 'unknown reason'}`);
  if (c.missingTasks.length) lines.push(`- missing tasks: ${list(c.missingTasks.map(code))}`);
  if (c.extraTasks.length) lines.push(`- extra tasks: ${list(c.extraTasks.map(code))}`);
  if (c.missingEdges.length) lines.push(`- missing edges: ${list(c.missingEdges.map(edge))}`);
  if (c.extraEdges.length) lines.push(`- extra edges: ${list(c.extraEdges.map(edge))}`);
  if (c.missingArgs.length) lines.push(`- missing arguments: ${list(c.missingArgs.map(code))}`);
  if (c.extraArgs.length) lines.push(`- unexpected arguments: ${list(c.extraArgs.map(code))}`);
  lines.push(`- edit distance: ${c.editDistance.toFixed(3)}`, '');
  return lines;
}

/** Whether a request was planned exactly as annotated (tasks, edges and arguments). */
export function isPerfect(r: ScoredRequest): boolean {
  const c = r.comparison;
  return r.parsed && c.exactMatch && !c.missingEdges.length && !c.extraEdges.length && !c.missingArgs.length && !c.extraArgs.length;
}

/** The markdown report: the metrics table, then every request that differs from its annotation. */
export function formatMarkdownReport(summary: EvalSummary, requests: readonly ScoredRequest[], title: string): string {
  const differing = requests.filter((r) => !isPerfect(r));
  return [
    `# Planning evaluation: ${title}`,
    '',
    ...markdownTable(summary),
    '',
    summary.llm ? llmLine(summary.llm) : 'Scored offline from recorded outputs.',
    '',
    `## Differences (${differing.length} of ${requests.length} requests)`,
    '',
    ...(differing.length ? differing.flatMap(requestSection) : ['Every request was planned exactly as annotated.', '']),
  ].join('\n');
}
