#!/usr/bin/env node
// `npm run security`: runs Electronegativity over src-main and fails on HIGH-severity findings that are not
// accepted below with a reason (the README's security section explains each one). Other findings are listed, not fatal.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** HIGH findings accepted on purpose: { check, file (relative to the scanned folder), reason }. */
export const ACCEPTED_HIGH = [
  // None at present. Example: { check: 'SOME_CHECK', file: 'app/x.ts', reason: 'why it is safe here' }.
];

/** Splits one CSV line (Electronegativity quotes fields that hold commas). */
function splitCsvLine(line) {
  const fields = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted && c === '"' && line[i + 1] === '"') { field += '"'; i++; }
    else if (c === '"') quoted = !quoted;
    else if (c === ',' && !quoted) { fields.push(field.trim()); field = ''; }
    else field += c;
  }
  fields.push(field.trim());
  return fields;
}

/** Parses Electronegativity's CSV report into findings. */
export function parseFindings(csv) {
  const [header, ...rows] = csv.split(/\r?\n/).filter((l) => l.trim() !== '');
  const names = splitCsvLine(header ?? '');
  return rows.map((row) => Object.fromEntries(splitCsvLine(row).map((v, i) => [names[i], v])));
}

/** The HIGH findings no entry of `accepted` covers (an entry needs a reason to count). */
export function unacceptedHigh(findings, accepted = ACCEPTED_HIGH) {
  return findings.filter((f) => f.severity === 'HIGH' &&
    !accepted.some((a) => a.reason && a.check === f.issue && a.file === f.filename));
}

/** Runs Electronegativity on a folder and returns its findings. */
export function scan(input, electronVersion) {
  const require = createRequire(import.meta.url);
  const cli = join(dirname(require.resolve('@doyensec/electronegativity/package.json')), 'dist', 'index.js');
  const out = mkdtempSync(join(tmpdir(), 'electronegativity-'));
  try {
    const report = join(out, 'report.csv');
    const args = [cli, '-i', input, '-o', report, '-r', '-v', 'false', ...(electronVersion ? ['-e', electronVersion] : [])];
    const run = spawnSync(process.execPath, args, { encoding: 'utf8' });
    let csv;
    try {
      csv = readFileSync(report, 'utf8');
    } catch {
      throw new Error(`electronegativity wrote no report (exit ${run.status}): ${run.stderr || run.stdout}`);
    }
    return parseFindings(csv);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

function main() {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const input = resolve(root, process.argv[2] ?? 'src-main');
  const require = createRequire(import.meta.url);
  const electronVersion = require('electron/package.json').version;
  const findings = scan(input, electronVersion);
  for (const f of findings) console.log(`${f.severity.padEnd(13)} ${f.issue} ${f.filename}:${f.location} ${f.description}`);
  const failing = unacceptedHigh(findings);
  if (failing.length > 0) {
    console.error(`\n${failing.length} HIGH-severity finding(s) not accepted in scripts/security-check.js:`);
    for (const f of failing) console.error(`  ${f.issue} ${f.filename}:${f.location} ${f.sample}`);
    process.exit(1);
  }
  console.log(`\nsecurity check passed: ${findings.length} finding(s), none HIGH without an accepted reason`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  try {
    main();
  } catch (error) {
    console.error(`security check failed to run: ${error.message}`);
    process.exit(1);
  }
}
