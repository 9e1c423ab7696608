// The process whose memory the memory benchmark measures: it runs a 5-task image-to-image chain on a big
// input image with the real runner against the fake HF router at HF_URL (mappings from the fake Hub at
// HUB_URL), and prints its RSS figures as JSON.
import { readFile } from 'node:fs/promises';
import { createFsResourceStore } from '../../src-main/platform/fs-resource-store';
import { createHfModelRunner } from '../../src-main/platform/inference/hf-model-runner';
import { executeGraph } from '../../src-main/engine/executor/execute-graph';
import { chain, INPUT_IMAGE } from './graphs';
import { BENCH_EXECUTION, routeTasks } from './loopback';

const MB = 2 ** 20;
const [hfUrl, hubUrl, dataDir, inputFile, length] = process.argv.slice(2);
const tasks = chain(Number(length));
const store = createFsResourceStore(dataDir);
const runner = createHfModelRunner({ hubUrl, routerUrl: hfUrl, token: 'hf_bench' });
global.gc?.();
const baselineRss = process.memoryUsage().rss;
let sampledPeak = baselineRss;
const sampler = setInterval(() => void (sampledPeak = Math.max(sampledPeak, process.memoryUsage().rss)), 5);

const input = await store.put(new Uint8Array(await readFile(inputFile)), { name: INPUT_IMAGE });
const { selections, targets } = routeTasks(tasks, hfUrl);
const started = performance.now();
const { summary, results } = await executeGraph({ tasks, selections, targets, userResources: { [INPUT_IMAGE]: input }, execution: BENCH_EXECUTION, deps: { runner, store } }).done;
const wallMs = performance.now() - started;
clearInterval(sampler);
sampledPeak = Math.max(sampledPeak, process.memoryUsage().rss);
const outputSizes = Object.values(results).map((r) => r.outputs[0]?.resource?.size ?? 0);
process.stdout.write(JSON.stringify({
  status: summary.status,
  baselineRssMb: baselineRss / MB,
  sampledPeakRssMb: sampledPeak / MB,
  maxRssMb: process.resourceUsage().maxRSS / 1024,
  wallMs,
  outputSizesMb: outputSizes.map((s) => s / MB),
  errors: Object.values(results).flatMap((r) => (r.error ? [r.error.message] : [])),
}));
