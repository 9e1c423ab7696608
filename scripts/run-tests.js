#!/usr/bin/env node
// `npm test`: the unit/integration suite (vitest), then the browser suite (Playwright + Chromium),
// and one closing line with the totals. Exits non-zero if either suite fails.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'hgs-tests-'));
const bin = (name) => join('node_modules', '.bin', name);

function run(command, args, env = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
}

function counts(file, read) {
  try {
    return read(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return { passed: 0, failed: 1 };
  }
}

const unitFile = join(dir, 'vitest.json');
const unitStatus = run(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${unitFile}`]);
const unit = counts(unitFile, (r) => ({ passed: r.numPassedTests, failed: r.numFailedTests + (r.numFailedTestSuites ?? 0) }));

const e2eFile = join(dir, 'playwright.json');
const e2eStatus = run(bin('playwright'), ['test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: e2eFile });
const e2e = counts(e2eFile, (r) => ({ passed: r.stats.expected + r.stats.flaky, failed: r.stats.unexpected }));

console.log(`\nunit: ${unit.passed} passed, ${unit.failed} failed; browser: ${e2e.passed} passed, ${e2e.failed} failed`);
console.log(`tests: ${unit.passed + e2e.passed} passed, ${unit.failed + e2e.failed} failed`);
process.exit(unitStatus || e2eStatus ? 1 : 0);
