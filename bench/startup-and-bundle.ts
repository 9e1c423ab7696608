// bundle.rendererGzipKb and startup.helpMs: the built renderer's size (gzip) and how long `hugginggpt --help`
// takes from process start to exit (the CLI bundle loaded and its commands registered). Builds the app first.
import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { log, median, round, type Bench, type BenchResult } from './support/figure';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RUNS = 7;
const run = promisify(execFile);

async function timeCommand(file: string, args: string[]): Promise<number> {
  const started = performance.now();
  await run(file, args, { cwd: ROOT, env: { ...process.env, HUGGINGGPT_DATA_DIR: join(ROOT, 'out', 'bench-data') } });
  return performance.now() - started;
}

/** Gzipped sizes of the renderer's files by extension (level 9, as a web server would send them). */
async function rendererSizes(): Promise<{ files: Array<{ file: string; bytes: number; gzipBytes: number; initial: boolean }>; initialGzip: number; totalGzip: number }> {
  const dir = join(ROOT, 'out', 'renderer');
  const names = (await readdir(dir, { recursive: true })).filter((n) => /\.(js|css|html)$/.test(n));
  const html = await readFile(join(dir, 'index.html'), 'utf8');
  const loadedAtStart = new Set(['index.html', ...[...html.matchAll(/(?:src|href)="\.\/([^"]+)"/g)].map((m) => m[1])]);
  const files = await Promise.all(names.map(async (file) => {
    const bytes = await readFile(join(dir, file));
    return { file, bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length, initial: loadedAtStart.has(file) };
  }));
  const sum = (list: typeof files) => list.reduce((s, f) => s + f.gzipBytes, 0);
  return { files, initialGzip: sum(files.filter((f) => f.initial)), totalGzip: sum(files) };
}

async function measure(): Promise<BenchResult> {
  const buildStarted = performance.now();
  await run(join(ROOT, 'node_modules', '.bin', 'electron-vite'), ['build'], { cwd: ROOT, maxBuffer: 16 << 20 });
  const buildMs = performance.now() - buildStarted;
  const sizes = await rendererSizes();
  const bin = join(ROOT, 'bin', 'hugginggpt.js');
  await timeCommand(process.execPath, [bin, '--help']); // warm the file cache
  const help: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    help.push(await timeCommand(process.execPath, [bin, '--help']));
    bare.push(await timeCommand(process.execPath, ['-e', '0']));
  }
  const kb = (b: number) => round(b / 1024, 1);
  log(`bundle: renderer ${kb(sizes.initialGzip)} KB gzip at start, ${kb(sizes.totalGzip)} KB with lazy chunks; hugginggpt --help ${median(help).toFixed(0)} ms (node -e 0: ${median(bare).toFixed(0)} ms)`);
  return {
    figures: [
      { name: 'bundle.rendererGzipKb', value: kb(sizes.initialGzip), unit: 'KB', note: 'out/renderer files index.html loads (html, entry js, css), gzip -9' },
      { name: 'bundle.rendererTotalGzipKb', value: kb(sizes.totalGzip), unit: 'KB', note: 'with the lazily loaded chunks (elkjs for auto-layout)' },
      { name: 'startup.helpMs', value: round(median(help), 1), unit: 'ms', note: `node bin/hugginggpt.js --help, process start to exit; bare node -e 0 takes ${round(median(bare), 1)} ms` },
    ],
    details: { buildMs: round(buildMs), runs: RUNS, helpMs: help.map((h) => round(h, 1)), nodeBareMs: bare.map((h) => round(h, 1)), rendererFiles: sizes.files },
  };
}

export const startupAndBundleBench: Bench = { name: 'startup-and-bundle', run: measure };
