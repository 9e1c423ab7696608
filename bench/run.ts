// `npm run bench`: runs the benchmark suite and prints a table, or one JSON document with `--json`.
//   npm run bench                       every benchmark, table on stdout (progress on stderr)
//   npm run bench -- --json             one JSON document: figures by name, verdicts, details
//   npm run bench -- --only scheduler   one benchmark (repeatable); --write updates bench/RESULTS.md
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { availabilityBench } from './availability';
import { builtInLlmBench } from './built-in-llm';
import { builtInRuntimeBench } from './builtin-runtime';
import { cacheRerunBench } from './cache-rerun';
import { comfyuiCallBench } from './comfyui-call';
import { engineOverheadBench } from './engine-overhead';
import { llmCostBench } from './llm-cost';
import { memoryBench } from './memory';
import { machineInfo, renderResultsMarkdown, renderTable, writeResults } from './report';
import { schedulerBench } from './scheduler';
import { startupAndBundleBench } from './startup-and-bundle';
import { log, verdict, type Bench, type Figure } from './support/figure';
import { uiFramesBench } from './ui-frames';

/** Every benchmark, in the order they run (the UI last: it needs the most from the machine). */
export const BENCHES: Bench[] = [schedulerBench, engineOverheadBench, llmCostBench, availabilityBench, cacheRerunBench, comfyuiCallBench, memoryBench, builtInRuntimeBench, startupAndBundleBench, builtInLlmBench, uiFramesBench];

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { json: { type: 'boolean' }, only: { type: 'string', multiple: true }, write: { type: 'boolean' } } });
  const only = values.only ?? [];
  const unknown = only.filter((name) => !BENCHES.some((b) => b.name === name));
  if (unknown.length > 0) {
    process.stderr.write(`unknown benchmark ${unknown.join(', ')}; choose from ${BENCHES.map((b) => b.name).join(', ')}\n`);
    process.exit(2);
  }
  const chosen = only.length > 0 ? BENCHES.filter((b) => only.includes(b.name)) : BENCHES;
  const started = performance.now();
  const figures: Figure[] = [];
  const details: Record<string, unknown> = {};
  for (const bench of chosen) {
    log(`${bench.name}...`);
    const t0 = performance.now();
    try {
      const result = await bench.run();
      const load = Number(loadavg()[0].toFixed(1));
      figures.push(...result.figures.map((f) => ({ ...f, load: f.load ?? load })));
      details[bench.name] = { ...result.details, benchSeconds: Number(((performance.now() - t0) / 1000).toFixed(1)) };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      log(`${bench.name} failed: ${error instanceof Error ? error.stack : message}`);
      figures.push({ name: `${bench.name}.error`, value: null, unit: '', note: message });
      details[bench.name] = { error: message };
    }
  }
  const report = {
    date: new Date().toISOString(),
    machine: machineInfo(),
    totalSeconds: Number(((performance.now() - started) / 1000).toFixed(1)),
    figures: Object.fromEntries(figures.map((f) => [f.name, f.value])),
    checks: figures.map((f) => ({ ...f, verdict: verdict(f) })),
    details,
  };
  if (values.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else process.stdout.write(`${renderTable(figures)}\n`);
  if (values.write) await writeResults(renderResultsMarkdown(report));
  const failed = figures.some((f) => f.name.endsWith('.error'));
  process.exitCode = failed ? 1 : 0;
}

await main();
