// memory.peakMb: peak RSS of the engine's process while a 20 MB image passes through a 5-task chain. The engine
// runs in a child process (the fake HF endpoint, which holds its own copies of the images, stays here); each
// fake model answers with another 20 MB image, so every hop carries 20 MB in and out.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { bigPng } from './support/big-image';
import { log, median, round, type Bench, type BenchResult } from './support/figure';
import { startLoopback, modelFor } from './support/loopback';

const IMAGE_MB = 20;
const CHAIN = 5;
const RUNS = 3;
const TSX = fileURLToPath(new URL('../node_modules/.bin/tsx', import.meta.url));
const CHILD = fileURLToPath(new URL('./support/memory-child.ts', import.meta.url));

interface ChildReport { status: string; errors?: string[]; baselineRssMb: number; sampledPeakRssMb: number; maxRssMb: number; wallMs: number; outputSizesMb: number[] }

async function measure(): Promise<BenchResult> {
  const input = bigPng(IMAGE_MB);
  const answer = bigPng(IMAGE_MB);
  const loop = await startLoopback(['image-to-image'], { 'image-to-image': { reply: { body: answer, contentType: 'image/png' } } });
  const work = await mkdtemp(join(tmpdir(), 'hugginggpt-bench-mem-'));
  try {
    const inputFile = join(work, 'input.png');
    await writeFile(inputFile, input);
    const reports: ChildReport[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      const dataDir = join(work, `data-${i}`);
      const { stdout } = await promisify(execFile)(TSX, [CHILD, loop.hf.url, loop.hub.url, dataDir, inputFile, String(CHAIN)], { maxBuffer: 1 << 20 });
      const report = JSON.parse(stdout) as ChildReport;
      if (report.status !== 'succeeded') throw new Error(`memory chain ended ${report.status}: ${report.errors?.join('; ')}`);
      reports.push(report);
    }
    const bodies = loop.hf.requests.filter((r) => r.model === modelFor('image-to-image')).map((r) => r.body.length / 2 ** 20);
    const peak = median(reports.map((r) => r.maxRssMb));
    log(`memory: peak RSS ${peak.toFixed(0)} MB (baseline ${reports[0].baselineRssMb.toFixed(0)} MB) for a ${IMAGE_MB} MB image through ${CHAIN} tasks`);
    return {
      figures: [{ name: 'memory.peakMb', value: round(peak, 1), unit: 'MB', note: `engine process peak RSS (maxRSS), ${IMAGE_MB} MB PNG through ${CHAIN} image-to-image tasks; baseline after imports ${round(median(reports.map((r) => r.baselineRssMb)), 1)} MB` }],
      details: {
        imageMb: round(input.length / 2 ** 20, 2),
        chain: CHAIN,
        runs: reports.map((r) => ({ baselineRssMb: round(r.baselineRssMb, 1), sampledPeakRssMb: round(r.sampledPeakRssMb, 1), maxRssMb: round(r.maxRssMb, 1), wallMs: round(r.wallMs, 1) })),
        requestBodiesMb: [...new Set(bodies.map((b) => round(b, 2)))],
        outputSizesMb: reports[0].outputSizesMb.map((s) => round(s, 2)),
      },
    };
  } finally {
    await loop.close();
    await rm(work, { recursive: true, force: true });
  }
}

export const memoryBench: Bench = { name: 'memory', run: measure };
