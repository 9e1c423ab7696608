import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain JavaScript script without type declarations
import { parseFindings, scan, unacceptedHigh } from '../../scripts/security-check.js';

type Finding = Record<string, string>;
const csv = [
  'issue, severity, confidence, filename, location, sample, description, url',
  'NODE_INTEGRATION_JS_CHECK,"HIGH","FIRM","app/w.ts","3:1","new BrowserWindow({a: 1, b: 2})","Disable nodeIntegration",https://x',
  'PRELOAD_JS_CHECK,"MEDIUM","FIRM","app/w.ts","5:2","preload: p,","Review the use of preload scripts",https://y',
].join('\n');

describe('npm run security (scripts/security-check.js)', () => {
  it('reads the CSV report, commas inside quoted samples included', () => {
    const findings: Finding[] = parseFindings(csv);
    expect(findings).toHaveLength(2);
    expect(findings[0]).toMatchObject({ issue: 'NODE_INTEGRATION_JS_CHECK', severity: 'HIGH', filename: 'app/w.ts', sample: 'new BrowserWindow({a: 1, b: 2})' });
  });

  it('fails on HIGH findings unless accepted with a reason', () => {
    const findings: Finding[] = parseFindings(csv);
    expect(unacceptedHigh(findings, []).map((f: Finding) => f.issue)).toEqual(['NODE_INTEGRATION_JS_CHECK']);
    expect(unacceptedHigh(findings, [{ check: 'NODE_INTEGRATION_JS_CHECK', file: 'app/w.ts', reason: '' }])).toHaveLength(1);
    expect(unacceptedHigh(findings, [{ check: 'NODE_INTEGRATION_JS_CHECK', file: 'app/w.ts', reason: 'test fixture' }])).toEqual([]);
  });

  it('finds a HIGH finding in an insecure window for real', { timeout: 90_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'hgs-egn-'));
    try {
      writeFileSync(join(dir, 'main.js'), "const { BrowserWindow } = require('electron');\nnew BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } });\n");
      const high = unacceptedHigh(scan(dir, '41.7.0'), []).map((f: Finding) => f.issue);
      expect(high).toEqual(expect.arrayContaining(['CONTEXT_ISOLATION_JS_CHECK', 'LIMIT_NAVIGATION_GLOBAL_CHECK']));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
